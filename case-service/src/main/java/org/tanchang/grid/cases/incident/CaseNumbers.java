package org.tanchang.grid.cases.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.time.Times;

/**
 * Allocates human case numbers (案件编号) such as {@code 621223-20261129-00001}: the county's administrative code, the
 * registration day in the county's zone and a sequence per day. Fixed width, so they sort as text in order of
 * registration; five digits hold 99,999 a day (after that the number grows a digit: still unique, no longer sortable).
 *
 * <p>The sequence is one document per day, advanced by an atomic findAndModify {@code $inc} with upsert, so concurrent
 * writers and several instances never get the same number. A number allocated for an incident that is then not
 * stored (a duplicate delivery that loses the insert race, a crash in between) is skipped: gaps are allowed,
 * duplicates are not.
 */
@Component
class CaseNumbers {

    /** 宕昌县 in GB/T 2260. */
    static final String COUNTY_CODE = "621223";
    static final String COLLECTION = "case_number_sequences";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoOperations mongo;

    CaseNumbers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The next case number of the county day that {@code now} falls on. */
    String next(Instant now) {
        LocalDate day = dayOf(now);
        Query ofDay = Query.query(Criteria.where("_id").is(day.format(DAY)));
        Update advance = new Update().inc("last", 1L);
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counter;
        try {
            counter = mongo.findAndModify(ofDay, advance, upsert, Document.class, COLLECTION);
        } catch (DuplicateKeyException firstOfTheDayRace) {
            // two writers both tried to create the day's counter; the loser's retry now finds and advances it
            counter = mongo.findAndModify(ofDay, advance, upsert, Document.class, COLLECTION);
        }
        return format(day, ((Number) counter.get("last")).longValue());
    }

    /** The day in Tanchang (Asia/Shanghai), not in UTC: an incident at 07:30 local is on that local day. */
    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, Times.COUNTY_ZONE);
    }

    static String format(LocalDate day, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, got " + sequence);
        }
        return COUNTY_CODE + "-" + day.format(DAY) + "-" + String.format("%05d", sequence);
    }
}
