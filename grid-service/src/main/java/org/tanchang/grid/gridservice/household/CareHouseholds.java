package org.tanchang.grid.gridservice.household;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the care plans may know of a household: its id, grid and care tags, and whether a resident bears one of the
 * names a patrol finding wrote. Nothing else leaves this package, so addresses, ID numbers and phones stay where
 * they are protected and masked.
 */
@Component
public class CareHouseholds {

    /** A household needing care, without its residents' personal data. */
    public record CareTarget(String id, String gridCode, Set<CareTag> careTags) {
    }

    private final MongoOperations mongo;

    CareHouseholds(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<CareTarget> find(String householdId) {
        Household h = mongo.findById(householdId, Household.class);
        return Optional.ofNullable(h).map(found -> new CareTarget(found.id, found.gridCode,
                found.allCareTags == null ? Set.of() : Set.copyOf(found.allCareTags)));
    }

    /** Of {@code householdIds}, those with a resident named exactly one of {@code names} (as a member wrote them). */
    public List<String> naming(Collection<String> householdIds, Collection<String> names) {
        List<String> stripped = names.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        if (householdIds.isEmpty() || stripped.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("_id").in(householdIds).and("residents.name").in(stripped));
        query.fields().include("_id");
        return mongo.find(query, Household.class).stream().map(h -> h.id).toList();
    }
}
