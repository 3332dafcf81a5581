package org.tanchang.grid.platform.audit;

/**
 * The outcome of walking an audit chain.
 *
 * @param ok                  every checked link holds
 * @param checkedCount        records checked (up to the first broken one, or all of them)
 * @param firstBrokenSequence the sequence where the chain first breaks, or null when ok
 * @param reason              why it breaks there, or null when ok
 * @param anchorSequence      the oldest record present, whose {@code previousHash} was taken on trust because the
 *                            records before it have expired (1 for a chain that has lost nothing); null if empty
 */
public record AuditVerification(boolean ok, long checkedCount, Long firstBrokenSequence, String reason,
        Long anchorSequence) {

    static AuditVerification intact(long checked, Long anchor) {
        return new AuditVerification(true, checked, null, null, anchor);
    }

    static AuditVerification broken(long checked, long sequence, String reason, Long anchor) {
        return new AuditVerification(false, checked, sequence, reason, anchor);
    }
}
