package org.tanchang.grid.console.feed;

import java.time.Instant;

/**
 * One thing that happened, as the console's live feed says it: what kind of event, about which matter, in which grid
 * or area, when. Ids and codes only, never a name or a number of a person: the page fetches the matter through the
 * API, which decides what this person may see of it.
 *
 * @param type    the event's short name (PatrolReportSubmitted, IncidentOpened, ...)
 * @param domain  the producing domain (grid, case, mediation, petition)
 * @param subject the matter's id (the event's subject)
 * @param area    the grid code, or the area the event is about when it has no grid
 * @param time    when it happened
 */
public record FeedItem(String type, String domain, String subject, String area, Instant time) {
}
