package org.tanchang.grid.gridservice.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Tanchang demo data set (one JSON file, one section per feature) so the suite is alive on first run. Each
 * feature loads its own section idempotently. Set {@code tanchang.grid.demo-data} empty to load nothing.
 */
@Component
public class DemoFile {

    private final JsonNode root;

    DemoFile(@Value("${tanchang.grid.demo-data:}") Resource data) {
        if (data == null || !data.exists()) {
            root = JsonMapper.builder().build().createObjectNode();
            return;
        }
        try (InputStream in = data.getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who the demo data is loaded as: an administrator of the whole county, so every area check passes. */
    public Caller loader(String countyCode) {
        return new Caller("demo-loader", "演示数据", Set.of(Roles.ADMIN), new AreaScope(List.of(countyCode)), null, null);
    }

    /** A section entry as a request record, with the request's own validation applied by the caller. */
    public <T> T as(JsonNode entry, Class<T> type) {
        return JsonMapper.builder().build().treeToValue(entry, type);
    }

    /** The section's array, empty when the file has none. */
    public Iterable<JsonNode> section(String name) {
        JsonNode section = root.get(name);
        return section == null ? List.of() : section.values();
    }
}
