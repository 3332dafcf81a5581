package org.tanchang.grid.cases.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sub-types of each incident type, read from {@code incident-types.json} on the class path: data, so the county
 * can add a sub-type without a code change. Every type must be listed (start-up fails otherwise).
 */
@Component
class IncidentTypes {

    /** One sub-type: a stable code for clients and statistics, and its Chinese label. */
    record SubType(String code, String label) {
    }

    static final String RESOURCE = "/incident-types.json";

    private final Map<IncidentType, List<SubType>> subTypes;

    IncidentTypes() {
        this.subTypes = load();
    }

    List<SubType> of(IncidentType type) {
        return subTypes.get(type);
    }

    Map<IncidentType, List<SubType>> all() {
        return subTypes;
    }

    /** Whether {@code subType} (may be null: none given) belongs to {@code type}. */
    boolean allows(IncidentType type, String subType) {
        return subType == null || of(type).stream().anyMatch(s -> s.code().equals(subType));
    }

    private static Map<IncidentType, List<SubType>> load() {
        try (InputStream in = IncidentTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            Map<IncidentType, List<SubType>> read = JsonMapper.builder().build().readValue(in,
                    new TypeReference<Map<IncidentType, List<SubType>>>() { });
            Map<IncidentType, List<SubType>> copy = new EnumMap<>(IncidentType.class);
            for (IncidentType type : IncidentType.values()) {
                if (read.get(type) == null || read.get(type).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " lists no sub-types of " + type);
                }
                copy.put(type, List.copyOf(read.get(type)));
            }
            return Map.copyOf(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
