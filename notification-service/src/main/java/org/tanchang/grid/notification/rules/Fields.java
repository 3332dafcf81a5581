package org.tanchang.grid.notification.rules;

import java.util.List;
import java.util.Map;

/** Dotted paths into an event's data as a map ({@code responsibleOfficer.id}). */
final class Fields {

    private Fields() {
    }

    static Object get(Map<String, Object> data, String path) {
        Object current = data;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    static String string(Map<String, Object> data, String path) {
        Object value = path == null ? null : get(data, path);
        return value == null ? null : String.valueOf(value);
    }

    static List<String> strings(Map<String, Object> data, String path) {
        Object value = get(data, path);
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
