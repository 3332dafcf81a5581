package org.tanchang.grid.petition.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** petition-service's catalogue as a window clerk's client sees it, seeded at start against the Mongo wire server. */
@ServiceIntegrationTest
class CatalogueIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CatalogueSeeder seeder;

    @Autowired
    Validator validator;

    private ApiClient api() {
        return ApiClient.local(port);
    }

    private long items() {
        return mongo.count(new Query(), ServiceItem.class);
    }

    @Test
    void theSeededCatalogueIsListedByCodeAndCanBeFiltered() {
        JsonNode all = api().get("/api/service-items?size=100").json();

        assertThat(all.get("total").asLong()).isEqualTo(items()).isBetween(8L, 20L);
        assertThat(all.get("items").findValuesAsString("code")).isSorted()
                .contains("HR-TRANSFER", "HR-BIRTH", "ID-APPLY", "ID-TEMP", "RP-APPLY", "EE-ENQUIRY", "PO-SEAL",
                        "TV-HANDLE", "VD-LICENCE-RENEW");
        for (JsonNode item : all.get("items")) {
            var limit = org.tanchang.grid.platform.workflow.TimeLimit.parse(item.get("promisedTimeLimit").asString());
            assertThat(item.get("firstResponseLimit").asString()).isEqualTo("PT30S");
            if (item.get("instant").asBoolean()) {
                assertThat(limit.clock()).isLessThanOrEqualTo(Duration.ofMinutes(5));
            } else {
                assertThat(limit.workingDays()).as(item.get("code").asString()).isPositive();
            }
        }

        JsonNode idCards = api().get("/api/service-items?category=ID_CARD").json();
        assertThat(idCards.get("items").findValuesAsString("category")).isNotEmpty().containsOnly("ID_CARD");
        assertThat(idCards.get("total").asLong()).isEqualTo(idCards.get("items").size());

        JsonNode instant = api().get("/api/service-items?instant=true").json();
        JsonNode notInstant = api().get("/api/service-items?instant=false").json();
        assertThat(instant.get("items").findValuesAsString("instant")).isNotEmpty().containsOnly("true");
        assertThat(instant.get("total").asLong() + notInstant.get("total").asLong()).isEqualTo(items());

        JsonNode page = api().get("/api/service-items?page=1&size=3").json();
        assertThat(page.get("items").size()).isEqualTo(3);
        assertThat(page.get("items").get(0).get("code").asString())
                .isEqualTo(all.get("items").get(3).get("code").asString());
    }

    @Test
    void anItemIsReadByItsCode() {
        var transfer = api().get("/api/service-items/HR-TRANSFER");

        assertThat(transfer.status()).isEqualTo(200);
        assertThat(transfer.json().get("nameZh").asString()).isEqualTo("户口迁移");
        assertThat(transfer.json().get("nameEn").asString()).isEqualTo("Household registration transfer");
        assertThat(transfer.json().get("category").asString()).isEqualTo("HOUSEHOLD_REGISTRATION");
        assertThat(transfer.json().get("requiredMaterials").size()).isPositive();
        assertThat(transfer.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void anUnknownCodeIsA404Problem() {
        var missing = api().get("/api/service-items/XX-NOTHING");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:not-found");
        assertThat(missing.json().get("detail").asString()).isEqualTo("Service item XX-NOTHING does not exist");
    }

    @Test
    void badPagingAndFiltersAre400Problems() {
        var tooBig = api().get("/api/service-items?size=500");
        var badCategory = api().get("/api/service-items?category=FISHING_LICENCE");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("errors").findValuesAsString("field")).containsExactly("size");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void seedingAgainNeitherDuplicatesNorKeepsStaleValues() {
        long before = items();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("ID-TEMP")), new Update().set("nameZh", "改错的名字"),
                ServiceItem.class);

        int inFile = seeder.seed();
        seeder.seed();

        assertThat(items()).isEqualTo(before).isEqualTo(inFile);
        assertThat(api().get("/api/service-items/ID-TEMP").json().get("nameZh").asString()).isEqualTo("临时居民身份证");
    }

    @Test
    void aBrokenCatalogueFileFailsTheStartWithEveryProblemNamed() {
        String broken = """
                {"items":[
                  {"code":"hr-lower","nameZh":"","nameEn":"x","category":"HOUSEHOLD_REGISTRATION","requiredMaterials":[],
                   "responsibleUnit":"u","instant":true,"firstResponseLimit":"PT30S","promisedTimeLimit":"P1D","formFields":[],"online":false,"active":true},
                  {"code":"ID-APPLY","nameZh":"a","nameEn":"a","category":"ID_CARD","requiredMaterials":[],
                   "responsibleUnit":"u","instant":false,"firstResponseLimit":"PT30S","promisedTimeLimit":"7 days","formFields":[],"online":false,"active":true},
                  {"code":"ID-APPLY","nameZh":"a","nameEn":"a","category":"ID_CARD","requiredMaterials":[],
                   "responsibleUnit":"u","instant":false,"firstResponseLimit":"PT30S","promisedTimeLimit":"3WD","formFields":[],"online":false,"active":true}]}""";
        CatalogueSeeder seeder = new CatalogueSeeder(mongo, validator,
                new ByteArrayResource(broken.getBytes(StandardCharsets.UTF_8), "broken catalogue"), new Catalogue(mongo));
        long before = items();

        assertThatThrownBy(seeder::seed).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("items[0].code")
                .hasMessageContaining("items[0].nameZh")
                .hasMessageContaining("hr-lower: an instant item promises at most PT5M")
                .hasMessageContaining("ID-APPLY: promisedTimeLimit is not a time limit")
                .hasMessageContaining("ID-APPLY: code appears twice");
        assertThat(items()).as("nothing written from a broken file").isEqualTo(before);

        CatalogueSeeder unknownField = new CatalogueSeeder(mongo, validator, new ByteArrayResource(
                "{\"items\":[],\"comment\":1}".getBytes(StandardCharsets.UTF_8), "misspelt catalogue"), new Catalogue(mongo));
        assertThatThrownBy(unknownField::seed).isInstanceOf(IllegalStateException.class);
    }
}
