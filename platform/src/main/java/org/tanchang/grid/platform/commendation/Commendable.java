package org.tanchang.grid.platform.commendation;

import java.util.List;
import java.util.Set;

/** A matter citizens may thank the station for: where its commendations are kept and who handled it. */
public interface Commendable {

    /** The matter's commendations, oldest first; a new one is appended to this list. */
    List<Commendation> commendations();

    /** The user names a commendation may name: the staff who handled the matter (never the citizen it served). */
    Set<String> handlers();
}
