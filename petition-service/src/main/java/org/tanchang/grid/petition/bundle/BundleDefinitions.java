package org.tanchang.grid.petition.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundles from {@code tanchang.catalogue.bundles}, read once. Each is checked against the catalogue when first
 * used: an item must exist and every item field the bundle fills must be a field of that item.
 */
@Component
class BundleDefinitions {

    record BundleFile(List<BundleDefinition> bundles) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final List<BundleDefinition> bundles;
    private final Catalogue catalogue;

    BundleDefinitions(@Value("${tanchang.catalogue.bundles}") Resource file, Catalogue catalogue) {
        this.catalogue = catalogue;
        try (InputStream in = file.getInputStream()) {
            this.bundles = List.copyOf(JSON.readValue(in, BundleFile.class).bundles());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundles " + file.getDescription(), e);
        }
    }

    List<BundleDefinition> all() {
        return bundles;
    }

    Optional<BundleDefinition> find(String code) {
        return bundles.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /** Problems of a definition against the catalogue as it is now; empty when usable. */
    List<String> problems(BundleDefinition bundle) {
        List<String> problems = new ArrayList<>();
        for (BundleDefinition.BundleItem item : bundle.items()) {
            Optional<CatalogueItem> found = catalogue.find(item.itemCode());
            if (found.isEmpty()) {
                problems.add(bundle.code() + ": no item " + item.itemCode());
                continue;
            }
            item.fieldMap().keySet().stream()
                    .filter(f -> found.get().formFields().stream().noneMatch(ff -> ff.name().equals(f)))
                    .forEach(f -> problems.add(bundle.code() + ": " + item.itemCode() + " has no field " + f));
        }
        return problems;
    }
}
