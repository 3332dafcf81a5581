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
    /** How soon the window answers (首次响应), a platform TimeLimit: PT30S. */
    String firstResponseLimit;
    /** The promised time limit for completion (承诺时限), a platform TimeLimit: PT5M for instant items, else 15WD. */
    String promisedTimeLimit;
    /** The fields of the application form; a request must answer the required ones and nothing else. */
    List<FormField> formFields = new ArrayList<>();
    /** Whether a citizen can apply from the app (网上可办) instead of coming to the window. */
    boolean online;
    boolean active;
}
