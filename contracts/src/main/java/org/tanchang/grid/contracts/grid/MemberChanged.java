package org.tanchang.grid.contracts.grid;

import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A grid member was registered or changed (event-carried state). Keyed by member id.
 *
 * @param memberId  the member's user name at the auth server
 * @param force     red-vest grid worker, herb-town guard team, olive volunteer police, retired officer, courier ...
 * @param duties    some of the eight duties (八大员), as names such as INFORMATION_COLLECTOR
 * @param gridCodes the grids the member works in
 */
public record MemberChanged(
        String memberId,
        String name,
        String force,
        List<String> duties,
        List<String> gridCodes,
        boolean active,
        long version) {

    public static final EventType<MemberChanged> TYPE =
            new EventType<>("MemberChanged", Topics.MEMBERS, 1, MemberChanged.class);
}
