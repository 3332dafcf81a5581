package org.tanchang.grid.petition.request;

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
 * Readable request numbers (办件编号) such as {@code 621223-SQ-20261129-00001}: county code, SQ (申请) or YJS (一件事,
 * bundles), the county day and a per-day sequence from an atomic counter. Gaps are allowed, duplicates are not.
 */
@Component
public class RequestNumbers {

    static final String COUNTY_CODE = "621223";

    private final MongoOperations mongo;

    RequestNumbers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public String next(String kind, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, Times.COUNTY_ZONE);
        String dayText = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        Query ofDay = Query.query(Criteria.where("_id").is(kind + "-" + dayText));
        Update advance = new Update().inc("last", 1L);
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counter;
        try {
            counter = mongo.findAndModify(ofDay, advance, upsert, Document.class, "request_number_sequences");
        } catch (DuplicateKeyException firstOfTheDayRace) {
            counter = mongo.findAndModify(ofDay, advance, upsert, Document.class, "request_number_sequences");
        }
        return COUNTY_CODE + "-" + kind + "-" + dayText + "-"
                + String.format("%05d", ((Number) counter.get("last")).longValue());
    }
}
