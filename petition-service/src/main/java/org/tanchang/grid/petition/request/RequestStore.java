package org.tanchang.grid.petition.request;

import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.problem.ProblemException;

/** Reads requests within the caller's scope; writes go through the platform's versioned writes. */
@Component
class RequestStore {

    private final MongoOperations mongo;

    RequestStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** See {@link Windows#visibleTo}. */
    static Criteria visibleTo(Caller caller) {
        return Windows.visibleTo(caller);
    }

    static boolean isOnlySystem(Caller caller) {
        return Windows.isOnlySystem(caller);
    }

    /** The window handling the request: recorded, or the home township for requests from before. */
    static String windowOf(ServiceRequest request) {
        return request.windowCode != null ? request.windowCode : request.stationCode;
    }

    /** The township (station) of the handling window, which events name so its supervisors are told. */
    static String stationOf(ServiceRequest request) {
        String window = windowOf(request);
        return window != null && window.length() > 9 ? window.substring(0, 9) : window;
    }

    ServiceRequest get(Caller caller, String id) {
        ServiceRequest request = mongo.findOne(Query.query(Windows.byId(id, visibleTo(caller))),
                ServiceRequest.class);
        if (request == null) {
            throw ProblemException.notFound("Request", id);
        }
        return request;
    }

    /**
     * A request the caller may act on: 404 when they cannot see it; 403 when they see it only as the home area's
     * supervisor of a request another window handles (they read and supervise it, the handling window works it).
     * A citizen acts on their own requests and a system on its own submissions as far as the step allows.
     */
    ServiceRequest getToAct(Caller caller, String id) {
        ServiceRequest request = get(caller, id);
        if (caller.isOnlyCitizen() || isOnlySystem(caller) || caller.roles().contains(Roles.CITIZEN)
                && caller.subject().equals(request.citizenId)) {
            return request;
        }
        if (!caller.scope().covers(windowOf(request))) {
            throw ProblemException.forbidden("Request " + request.number + " is handled by the window of "
                    + windowOf(request) + "; the applicant's home area reads it only");
        }
        return request;
    }

    /**
     * The request of a question addressed to the calling system (its client id named when the question was asked);
     * 404 for any other, so a system learns nothing of requests it was not asked about.
     */
    ServiceRequest addressedTo(Caller caller, String id, String assistanceId) {
        ServiceRequest request = mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .and("assistance.agencyClientId").is(caller.subject())), ServiceRequest.class);
        if (request == null || request.assistance.stream().noneMatch(a -> a.id.equals(assistanceId)
                && caller.subject().equals(a.agencyClientId))) {
            throw ProblemException.notFound("Assistance", assistanceId);
        }
        return request;
    }

    void insert(ServiceRequest request) {
        mongo.insert(request);
    }
}
