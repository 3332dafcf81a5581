package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.security.Caller;

/**
 * The requests as other features of this service (the Open311 facade) see them: submitted, read and searched under
 * the same rules as the request API (the caller's scope in the query, the applicant masked).
 */
@Component
public class WindowRequests {

    private final Requests requests;
    private final RequestStore store;
    private final Applicants applicants;
    private final MongoOperations mongo;
    private final Clock clock;

    WindowRequests(Requests requests, RequestStore store, Applicants applicants, MongoOperations mongo, Clock clock) {
        this.requests = requests;
        this.store = store;
        this.applicants = applicants;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Checks and stores as {@code POST /api/service-requests} does; bad input is a 400 problem. */
    public RequestView submit(Caller caller, SubmitRequest input) {
        return view(requests.submit(caller, input));
    }

    /** 404 when missing or outside the caller's scope. */
    public RequestView get(Caller caller, String id) {
        return view(store.get(caller, id));
    }

    /** What the search asks for; null or empty means any. */
    public record Search(List<String> ids, String itemCode, Instant submittedFrom, Instant submittedTo,
            Set<RequestState> states, int limit) {
    }

    /** Newest first, at most {@code limit}. */
    public List<RequestView> search(Caller caller, Search search) {
        Criteria criteria = new Criteria().andOperator(RequestStore.visibleTo(caller), filters(search));
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt", "_id"))
                .limit(search.limit());
        return mongo.find(query, ServiceRequest.class).stream().map(this::view).toList();
    }

    private static Criteria filters(Search search) {
        Criteria c = new Criteria();
        if (search.ids() != null && !search.ids().isEmpty()) {
            c = c.and("_id").in(search.ids());
        }
        if (search.itemCode() != null) {
            c = c.and("itemCode").is(search.itemCode());
        }
        if (search.submittedFrom() != null || search.submittedTo() != null) {
            c = c.and("submittedAt");
            c = search.submittedFrom() == null ? c : c.gte(search.submittedFrom());
            c = search.submittedTo() == null ? c : c.lte(search.submittedTo());
        }
        if (search.states() != null && !search.states().isEmpty()) {
            c = c.and("state").in(search.states());
        }
        return c;
    }

    private RequestView view(ServiceRequest r) {
        return RequestView.of(r, applicants.masked(r.applicant), clock.instant());
    }
}
