package org.tanchang.grid.gridservice.household;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * A household of a grid with its residents ("no household in the village, no person in the household missed").
 * The exact address, ID numbers and phones are personal data: stored encrypted with a hash for exact search and a
 * mask for display.
 */
@Document("households")
class Household {

    record Resident(String name, String relation, ProtectedValue idNumber, ProtectedValue mobile,
            Set<CareTag> careTags) {
    }

    @Id
    String id;
    @Indexed
    String gridCode;
    /** The ten-household unit (十户联防, 18 digits) the household belongs to, if any. */
    String unitCode;
    ProtectedValue address;
    Set<CareTag> careTags;
    List<Resident> residents = new ArrayList<>();
    /** Care tags of the household and of its residents, for one indexed filter. */
    Set<CareTag> allCareTags;
    String createdBy;
    Instant createdAt;
    String updatedBy;
    Instant updatedAt;
    @Version
    Long version;
}
