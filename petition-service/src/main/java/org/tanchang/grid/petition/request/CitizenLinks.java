package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * A request taken at the window or on the hotline for a citizen without an account, linked to their account when
 * they sign in later: they show the receipt's number and their identity number, matched by its keyed hash (the
 * plain number is never compared or stored again). Both are asked because an identity number alone is known to
 * too many people to open someone's requests. A request already on an account is never moved to another.
 */
@Service
class CitizenLinks {

    private final MongoOperations mongo;
    private final PersonalData personalData;
    private final Clock clock;

    CitizenLinks(MongoOperations mongo, PersonalData personalData, Clock clock) {
        this.mongo = mongo;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Links once; linking again by the same citizen answers the request unchanged; anything else is a 404. */
    ServiceRequest link(Caller caller, String number, String idNumber) {
        String hash = personalData.searchHash(idNumber, Masker.ID_NUMBER);
        Criteria theirs = Criteria.where("number").is(number).and("applicant.idNumber.hash").is(hash);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceRequest loaded = mongo.findOne(Query.query(theirs), ServiceRequest.class);
        if (loaded != null && caller.subject().equals(loaded.citizenId)) {
            return loaded;
        }
        if (loaded == null || loaded.citizenId != null) {
            throw ProblemException.notFound("Request", number);
        }
        Update update = new Update().set("citizenId", caller.subject()).inc("version", 1).push("timeline",
                new ServiceRequest.TimelineEntry(loaded.state, "link-account", caller.subject(), caller.name(), now,
                        null));
        ServiceRequest linked = mongo.findAndModify(Query.query(Criteria.where("_id").is(loaded.id)
                .and("citizenId").is(null)), update, FindAndModifyOptions.options().returnNew(true),
                ServiceRequest.class);
        if (linked == null) {
            throw ProblemException.notFound("Request", number);
        }
        return linked;
    }
}
