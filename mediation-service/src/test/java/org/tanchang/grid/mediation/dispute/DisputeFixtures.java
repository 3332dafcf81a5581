package org.tanchang.grid.mediation.dispute;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Cheap fresh disputes for tests that need hundreds of them in a given state (the access matrix): each state is
 * reached once through the API by {@link DisputeDriver} (so the template is what the service itself stored), and
 * every fixture is a copy of that document under a new id, inserted straight into the service's collection. The
 * copy's outbox is emptied: its events were the template's and are not published again.
 */
public final class DisputeFixtures {

    static final String DISPUTES = "disputes";
    static final String VISITS = "follow_up_visits";

    private final DisputeDriver driver;
    private final MongoOperations mongo;
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    public DisputeFixtures(int port, MongoOperations mongo) {
        this.driver = new DisputeDriver(port);
        this.mongo = mongo;
    }

    /** A fresh dispute on which {@code action} succeeds (see {@link DisputeDriver#openFor}); returns its id. */
    public String readyFor(String action) {
        return copy(templates.computeIfAbsent("for " + action, key -> driver.openFor(action)));
    }

    /**
     * A fresh AGREED dispute with the scheduled visit that followed its agreement, both copied; returns the visit id
     * ({@code <dispute id>-visit-agreement-1}, as the service names it).
     */
    public String agreedWithVisit() {
        String template = templates.computeIfAbsent("agreed", key -> driver.openIn("AGREED"));
        String disputeId = copy(template);
        Document visit = mongo.findById(template + "-visit-agreement-1", Document.class, VISITS);
        String visitId = disputeId + "-visit-agreement-1";
        visit.put("_id", visitId);
        visit.put("disputeId", disputeId);
        visit.put("outbox", new ArrayList<>());
        mongo.insert(visit, VISITS);
        return visitId;
    }

    private String copy(String templateId) {
        Document dispute = mongo.findById(templateId, Document.class, DISPUTES);
        String id = "dispute-" + UUID.randomUUID();
        dispute.put("_id", id);
        dispute.put("outbox", new ArrayList<>());
        mongo.insert(dispute, DISPUTES);
        return id;
    }
}
