package org.tanchang.grid.petition.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service a citizen can request at the window (办事事项), keyed by its stable code. Written only by
 * {@link CatalogueSeeder} for now; requests (a later issue) refer to it by code.
 */
@Document("service_items")
class ServiceItem {

    @Id
    String code;
    String nameZh;
    String nameEn;
    @Indexed
    ServiceCategory category;
    List<String> requiredMaterials = new ArrayList<>();
    String responsibleUnit;
    /** An instant item (即办件) is finished while the citizen waits at the window. */
    boolean instant;
    /** The promised time limit (承诺时限) as an ISO-8601 duration, in calendar time: PT5M, P7D. */
    String promisedTimeLimit;
    boolean active;
}
