package org.tanchang.grid.petition.bundle;

import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.petition.request.CompletionSource;
import org.tanchang.grid.petition.request.Windows;
import org.tanchang.grid.platform.security.Caller;

/** Bundle tasks in the service levels: each task against its item's promised time from the acceptance. */
@Component
class BundleCompletions implements CompletionSource {

    /** The channel key bundle work counts under when the levels are grouped by channel. */
    static final String CHANNEL = "BUNDLE";

    private final MongoOperations mongo;

    BundleCompletions(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Completion> completions(Caller caller) {
        Query query = Query.query(Windows.visibleTo(caller));
        query.fields().include("itemCode", "responsibleUnit", "gridCode", "windowCode", "promisedBy", "completedAt");
        return mongo.find(query, BundleTask.class).stream().map(t -> {
            String window = t.windowCode != null ? t.windowCode : t.gridCode.substring(0, 9);
            return new Completion(t.itemCode, t.responsibleUnit, t.gridCode.substring(0, 9), window, CHANNEL,
                    t.promisedBy, t.completedAt);
        }).toList();
    }
}
