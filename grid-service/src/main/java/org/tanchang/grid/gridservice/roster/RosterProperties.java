package org.tanchang.grid.gridservice.roster;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tanchang.grid.contracts.grid.RosterRole;

/**
 * Posts that one person holds at a time for an area (a grid has one responsible officer); a new holder ends the
 * previous one's term the day before. Other posts (ten-household leaders, volunteers) are held by many at once.
 */
@ConfigurationProperties("tanchang.grid.roster")
record RosterProperties(List<RosterRole> singleHolderRoles) {

    RosterProperties {
        singleHolderRoles = singleHolderRoles == null ? List.of() : List.copyOf(singleHolderRoles);
    }
}
