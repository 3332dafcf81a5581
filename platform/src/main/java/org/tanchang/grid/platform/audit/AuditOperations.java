package org.tanchang.grid.platform.audit;

import java.util.List;
import java.util.Locale;

/**
 * The operation an API write performed, named once for every service from the handler's path pattern, so a void can
 * be told from a close in the audit trail without each controller saying so:
 * <pre>
 * POST   /api/incidents                          incident.create
 * POST   /api/incidents/{id}/void                incident.void
 * POST   /api/incidents/{id}/vehicles            incident.add-vehicle   (a plural noun: adding to a list)
 * PUT    /api/incidents/{id}/money               incident.set-money
 * PUT    /api/grids/{code}                       grid.update
 * DELETE /api/notifications/webhooks/{id}        webhook.delete
 * POST   /api/service-requests/{id}/assistance/{assistanceId}/reply   assistance.reply
 * POST   /api/statistics/rebuild                 statistics.rebuild
 * </pre>
 * A handler whose path does not say it well carries {@link AuditOperation}.
 */
public final class AuditOperations {

    private AuditOperations() {
    }

    /** The operation of {@code method} on the path pattern (with or without the {@code /api} prefix). */
    public static String of(String method, String pattern) {
        String path = pattern.startsWith("/api/") ? pattern.substring(5) : pattern.replaceFirst("^/+", "");
        List<String> segments = List.of(path.split("/")).stream().filter(s -> !s.isBlank()).toList();
        if (segments.isEmpty()) {
            return "api." + verb(method);
        }
        int lastVariable = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (isVariable(segments.get(i))) {
                lastVariable = i;
            }
        }
        String last = segments.get(segments.size() - 1);
        if (!isVariable(last) && lastVariable > 0) {
            // a step on one object: the object is the collection its id belongs to
            String object = singular(segments.get(lastVariable - 1));
            return object + "." + step(method, last);
        }
        if (!isVariable(last) && lastVariable < 0 && segments.size() > 1 && !isPlural(last)) {
            // an action on a whole collection, e.g. statistics/rebuild
            return singular(segments.get(0)) + "." + last;
        }
        String noun = isVariable(last) ? segments.get(segments.size() - 2) : last;
        return singular(noun) + "." + verb(method);
    }

    private static String step(String method, String segment) {
        if ("PUT".equals(method) || "PATCH".equals(method)) {
            return "set-" + segment;
        }
        if ("DELETE".equals(method)) {
            return "remove-" + singular(segment);
        }
        return isPlural(segment) && !segment.contains("-") ? "add-" + singular(segment) : segment;
    }

    private static String verb(String method) {
        return switch (method) {
            case "POST" -> "create";
            case "DELETE" -> "delete";
            default -> "update";
        };
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }

    private static boolean isPlural(String word) {
        return word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("ics");
    }

    /** {@code incidents} → {@code incident}, {@code deliveries} → {@code delivery}; {@code statistics} stays. */
    public static String singular(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!isPlural(lower)) {
            return lower;
        }
        if (lower.endsWith("ies")) {
            return lower.substring(0, lower.length() - 3) + "y";
        }
        return lower.substring(0, lower.length() - 1);
    }
}
