package org.tanchang.grid.petition.publicsurface;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tanchang.grid.platform.test.PublicSurfaces;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue and its bundles are public (the catalogue pages, the bundles, Open311's services and definitions).
 * Whoever edits the catalogue files may paste a contact's ID number, mobile or address into a text: here every text
 * of an item and a bundle carries them, and every public operation of petition-service (found in its OpenAPI
 * document) is walked, in JSON and XML, without showing any of them. The files are this test's own (its context
 * has its own database), so the real catalogue stays as it is for every other test.
 */
@ServiceIntegrationTest
class PublicOperationsCarryNoPersonalDataTest {

    private static final String ITEM = "ZZ-SCRUB-ITEM";
    private static final String BUNDLE = "ZZ-SCRUB-BUNDLE";
    private static final List<PublicSurfaces.Seed> SEEDS = java.util.stream.Stream.generate(PublicSurfaces.Seed::random)
            .limit(9).toList();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void plantedCatalogue(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("public-surfaces");
            JsonMapper json = JsonMapper.builder().build();
            Map<String, Object> item = Map.ofEntries(Map.entry("code", ITEM), Map.entry("nameZh", text(0)),
                    Map.entry("nameEn", text(1)), Map.entry("category", "HOUSEHOLD_REGISTRATION"),
                    Map.entry("requiredMaterials", List.of(text(2))), Map.entry("responsibleUnit", text(3)),
                    Map.entry("instant", true), Map.entry("firstResponseLimit", "PT30S"),
                    Map.entry("promisedTimeLimit", "PT5M"), Map.entry("formFields", List.of(Map.of("name", "reason",
                            "type", "TEXT", "required", true, "label", text(4)))),
                    Map.entry("online", true), Map.entry("active", true));
            Map<String, Object> bundle = Map.of("code", BUNDLE, "nameZh", text(5), "nameEn", text(6),
                    "formFields", List.of(Map.of("name", "why", "type", "TEXT", "required", true, "label", text(7))),
                    "items", List.of(Map.of("itemCode", ITEM, "fieldMap", Map.of("reason", "=" + text(8)))));
            Path items = dir.resolve("service-items.json");
            Path bundles = dir.resolve("service-bundles.json");
            Files.writeString(items, json.writeValueAsString(Map.of("items", List.of(item))));
            Files.writeString(bundles, json.writeValueAsString(Map.of("bundles", List.of(bundle))));
            registry.add("tanchang.catalogue.seed", () -> items.toUri().toString());
            registry.add("tanchang.catalogue.bundles", () -> bundles.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(int seed) {
        return SEEDS.get(seed).text();
    }

    @Test
    void noPublicOperationShowsAnIdNumberMobileOrAddressTypedIntoAnyText() {
        List<PublicSurfaces.Answer> answers = PublicSurfaces.walk(port, Map.of("code", List.of(ITEM, BUNDLE),
                "service_code", List.of(ITEM), "format", List.of("json", "xml")));

        Map<String, List<Integer>> statuses = answers.stream().collect(Collectors.groupingBy(
                PublicSurfaces.Answer::operation, Collectors.mapping(PublicSurfaces.Answer::status, Collectors.toList())));
        assertThat(statuses).as("the catalogue, bundles and Open311 services are public")
                .containsKeys("GET /api/service-items", "GET /api/service-items/{code}", "GET /api/service-bundles",
                        "GET /api/service-bundles/{code}", "GET /open311/v2/services.{format}",
                        "GET /open311/v2/services/{service_code}.{format}");
        assertThat(statuses).allSatisfy((operation, codes) -> assertThat(codes).as(operation).contains(200)
                .allMatch(code -> code == 200 || code == 404));
        String shown = answers.stream().map(PublicSurfaces.Answer::text).collect(Collectors.joining("\n"));
        assertThat(shown).as("the planted texts were shown, masked")
                .contains(SEEDS.stream().map(PublicSurfaces.Seed::marker).toArray(String[]::new));
        for (PublicSurfaces.Seed seed : SEEDS) {
            assertThat(shown).doesNotContain(seed.secrets());
        }
    }
}
