package org.tanchang.grid.platform.audit;

import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Walks a service's audit chain in sequence order, recomputes every hash and reports the first broken link: an
 * edited record (its hash no longer matches its content), a deleted record (a gap in the sequence, also at the
 * newest end, found by comparing with the chain head), a replaced or reordered record (its {@code previousHash} is
 * not its predecessor's hash, or time runs backwards).
 *
 * <p><b>Where the walk starts.</b> Retention is a TTL index on {@code time}, and times never decrease along the
 * chain (see {@link AuditTrail}), so expiry removes records from the oldest end only. The chain is therefore cut
 * there, and the walk starts at the oldest remaining record: its {@code previousHash} points at a record that has
 * legitimately gone and is accepted as the anchor. The price is that deleting the oldest records by hand looks
 * the same as expiry; {@link AuditVerification#anchorSequence()} shows where the walk started so a reviewer can
 * compare it with the retention period. Everything after the anchor is fully checked.
 *
 * <p><b>What the chain cannot prove.</b> Somebody with write access who recomputes every hash after an edit and
 * moves the head along leaves a valid chain; detecting that needs the head hash copied somewhere they cannot write
 * (not built yet). The chain makes tampering by an ordinary database write, or by a careless fix, evident.
 *
 * <p><b>A snapshot.</b> An append owns its sequence a moment before its record is inserted, so a verification that
 * runs during appends can see a gap that closes a few milliseconds later; verify again before raising an alarm.
 */
public class AuditVerifier {

    private static final int BATCH = 500;

    private final MongoOperations mongo;

    public AuditVerifier(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public AuditVerification verify() {
        Document head = mongo.findById(AuditTrail.HEAD_ID, Document.class, AuditTrail.HEAD_COLLECTION);
        long headSeq = head == null ? 0 : ((Number) head.get("seq")).longValue();
        String headHash = head == null ? AuditRecord.GENESIS_HASH : head.getString("hash");

        AuditRecord previous = null;
        Long anchor = null;
        long checked = 0;
        Object after = null;
        while (true) {
            Query batch = new Query().with(Sort.by(Sort.Direction.ASC, "_id")).limit(BATCH);
            if (after != null) {
                batch.addCriteria(Criteria.where("_id").gt(after));
            }
            List<Document> documents = mongo.find(batch, Document.class, AuditRecord.COLLECTION);
            for (Document document : documents) {
                after = document.get("_id");
                AuditRecord record;
                try {
                    record = AuditRecord.fromDocument(document);
                } catch (IllegalArgumentException unreadable) {
                    long at = after instanceof Number n ? n.longValue() : (previous == null ? 1 : previous.sequence() + 1);
                    return AuditVerification.broken(checked, at, "record is unreadable: " + unreadable.getMessage(),
                            anchor);
                }
                if (previous == null) {
                    anchor = record.sequence();
                } else {
                    String broken = link(previous, record);
                    if (broken != null) {
                        long at = record.sequence() > previous.sequence() + 1 ? previous.sequence() + 1
                                : record.sequence();
                        return AuditVerification.broken(checked, at, broken, anchor);
                    }
                }
                if (!record.computeHash().equals(record.hash())) {
                    return AuditVerification.broken(checked, record.sequence(),
                            "record " + record.sequence() + " has been altered: its hash does not match its content",
                            anchor);
                }
                checked++;
                previous = record;
            }
            if (documents.size() < BATCH) {
                break;
            }
        }
        return end(previous, headSeq, headHash, checked, anchor);
    }

    /** Why {@code record} does not follow {@code previous}, or null if it does. */
    private static String link(AuditRecord previous, AuditRecord record) {
        long expected = previous.sequence() + 1;
        if (record.sequence() != expected) {
            return "record " + expected + " is missing (next present is " + record.sequence()
                    + "): deleted, or its append crashed after moving the chain head";
        }
        if (!previous.hash().equals(record.previousHash())) {
            return "record " + record.sequence() + " does not link to record " + previous.sequence()
                    + ": a record has been replaced or reordered";
        }
        if (record.time() == null || previous.time() == null || record.time().isBefore(previous.time())) {
            return "record " + record.sequence() + " is older than record " + previous.sequence()
                    + ": records have been reordered";
        }
        return null;
    }

    /** The newest end: the head must point at the last record, or the newest records are missing. */
    private static AuditVerification end(AuditRecord last, long headSeq, String headHash, long checked, Long anchor) {
        long lastSeq = last == null ? 0 : last.sequence();
        if (headSeq > lastSeq) {
            // With no record at all this also fires when everything expired (no audit for a whole retention
            // period); that is rare enough to deserve a look rather than a silent ok.
            return AuditVerification.broken(checked, lastSeq + 1, "records " + (lastSeq + 1) + " to " + headSeq
                    + " are missing at the newest end of the chain: deleted, or the last append crashed after "
                    + "moving the chain head", anchor);
        }
        if (headSeq < lastSeq) {
            return AuditVerification.broken(checked, headSeq + 1, "record " + lastSeq + " lies beyond the chain head "
                    + headSeq + ": written outside the audit trail", anchor);
        }
        if (last != null && !last.hash().equals(headHash)) {
            return AuditVerification.broken(checked, lastSeq, "the chain head does not match record " + lastSeq
                    + ": the newest record has been replaced", anchor);
        }
        return AuditVerification.intact(checked, anchor);
    }
}
