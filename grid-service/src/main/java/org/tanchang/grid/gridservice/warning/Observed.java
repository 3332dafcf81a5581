package org.tanchang.grid.gridservice.warning;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event as the warning rules see it: read generically from its envelope (short type name, subject, time) with its
 * data as a JSON tree, so a rule can name an event whose record class grid-service does not know.
 */
record Observed(String eventId, String topic, String type, String subject, Instant at, JsonNode data) {
}
