package org.tanchang.grid.gridservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** Members, households, police posts and publicity: who and what is in each grid, personal data protected. */
@ServiceIntegrationTest
class PeopleAndPlacesTest {

    static final String GRID = TestUsers.YANGJIA_GRID;
    static final String ID_NUMBER = "62122319800506001X";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private ApiClient officer() {
        return as(TestUsers.officer(TestUsers.LICHUAN));
    }

    @Test
    void theDemoDataHasMembersHouseholdsAndPosts() {
        JsonNode members = officer().get("/api/members?gridCode=" + GRID + "&size=100").json();
        JsonNode posts = officer().get("/api/prevention-units?areaCode=621223101&size=100").json();
        JsonNode care = officer().get("/api/households?careTag=LEFT_BEHIND_CHILD&size=100").json();

        assertThat(members.get("items").findValuesAsString("id")).contains("member.yangjia");
        assertThat(posts.get("items").findValuesAsString("kind")).contains("COMMUNITY_POLICE_OFFICE",
                "RURAL_PERSUASION_STATION", "KEY_SITE");
        assertThat(care.get("items").findValuesAsString("name")).contains("杨小宝");
    }

    @Test
    void membersArePublishedWithRisingVersionsAndTheirMobileIsMasked() {
        String id = "member-" + UUID.randomUUID();
        var created = officer().post("/api/members", GridTestData.member(id, GRID));
        var changed = MapTest.put(officer(), "/api/members/" + id, "{\"active\":false,\"duties\":[\"SAFETY_INSPECTOR\"]}");
        var unmasked = officer().get("/api/members/" + id + "?unmask=true");
        var memberAsks = as(TestUsers.gridMember(GRID)).get("/api/members/" + id + "?unmask=true");
        var duplicate = officer().post("/api/members", GridTestData.member(id, GRID));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("mobile").asString()).isEqualTo("138****8000");
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(unmasked.json().get("mobile").asString()).isEqualTo("13800138000");
        assertThat(memberAsks.status()).isEqualTo(403);
        assertThat(duplicate.status()).isEqualTo(409);
        Document stored = mongo.findById(id, Document.class, "members");
        assertThat(stored.toJson()).doesNotContain("13800138000");
        await().atMost(Duration.ofSeconds(20)).until(() -> events(Topics.MEMBERS, id).size() == 2);
        List<ConsumerRecord<String, String>> events = events(Topics.MEMBERS, id);
        assertThat(events.get(0).value()).contains("\"version\":1", "\"force\":\"RETIRED_OFFICER\"", "\"active\":true")
                .doesNotContain("13800138000");
        assertThat(events.get(1).value()).contains("\"version\":2", "\"active\":false",
                "\"duties\":[\"SAFETY_INSPECTOR\"]");
    }

    @Test
    void householdsAreStoredEncryptedShownMaskedAndFoundByExactIdNumber() {
        var created = officer().post("/api/households", GridTestData.household(GRID, ID_NUMBER));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();

        JsonNode resident = created.json().get("residents").get(0);
        assertThat(resident.get("idNumber").asString()).isEqualTo("621223********001X");
        assertThat(resident.get("mobile").asString()).isEqualTo("138****8000");
        assertThat(created.json().get("address").asString()).isNotEqualTo("理川镇杨家村一组12号");
        assertThat(mongo.findById(id, Document.class, "households").toJson()).doesNotContain(ID_NUMBER,
                "13800138000", "一组12号");
        JsonNode found = officer().get("/api/households?idNumber=" + ID_NUMBER.toLowerCase()).json();
        assertThat(found.get("items").findValuesAsString("id")).contains(id);
        assertThat(as(TestUsers.officer(TestUsers.MUER)).get("/api/households?idNumber=" + ID_NUMBER).json()
                .get("total").asLong()).isZero();
        var unmasked = officer().get("/api/households/" + id + "?unmask=true");
        assertThat(unmasked.json().get("residents").get(0).get("idNumber").asString()).isEqualTo(ID_NUMBER);
        assertThat(unmasked.json().get("address").asString()).isEqualTo("理川镇杨家村一组12号");
        assertThat(mongo.find(Query.query(Criteria.where("objectId").is(id).and("action").is("READ_UNMASKED")),
                Document.class, "audit_trail")).hasSize(1);
        assertThat(as(TestUsers.gridMember(TestUsers.LASHA_GRID)).get("/api/households/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void aHouseholdIsUpdatedWithinTheCallersAreaAndBadUpdatesChangeNothing() {
        String id = officer().post("/api/households", GridTestData.household(GRID, ID_NUMBER)).json().get("id")
                .asString();
        String changed = GridTestData.household(GRID, ID_NUMBER).replace("一组12号", "二组3号")
                .replace("\"ELDERLY_LIVING_ALONE\"]}]", "\"LEFT_BEHIND_CHILD\"]}]");

        var updated = MapTest.put(as(TestUsers.gridMember(GRID)), "/api/households/" + id, changed);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().get("residents").get(0).get("idNumber").asString()).isEqualTo("621223********001X");
        JsonNode clear = officer().get("/api/households/" + id + "?unmask=true").json();
        assertThat(clear.get("address").asString()).isEqualTo("理川镇杨家村二组3号");
        assertThat(officer().get("/api/households?careTag=LEFT_BEHIND_CHILD&gridCode=" + GRID + "&size=100").json()
                .get("items").findValuesAsString("id")).contains(id);
        assertThat(mongo.findById(id, Document.class, "households").toJson()).doesNotContain("二组3号");

        var otherGrid = MapTest.put(as(TestUsers.gridMember(TestUsers.LASHA_GRID)), "/api/households/" + id, changed);
        var movedOutOfArea = MapTest.put(as(TestUsers.gridMember(GRID)), "/api/households/" + id,
                GridTestData.household(TestUsers.LASHA_GRID, ID_NUMBER));
        var badIdNumber = MapTest.put(officer(), "/api/households/" + id,
                GridTestData.household(GRID, ID_NUMBER.replace('X', '1')));
        var unknownGrid = MapTest.put(officer(), "/api/households/" + id,
                GridTestData.household("621223101001099", ID_NUMBER));
        var unknown = MapTest.put(officer(), "/api/households/hh-none", changed);

        assertThat(otherGrid.status()).isEqualTo(404);
        assertThat(movedOutOfArea.status()).isEqualTo(403);
        assertThat(badIdNumber.status()).isEqualTo(400);
        assertThat(unknownGrid.status()).isEqualTo(422);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(officer().get("/api/households/" + id + "?unmask=true").json().get("address").asString())
                .as("refused updates changed nothing").isEqualTo("理川镇杨家村二组3号");
    }

    @Test
    void postsAreLinkedToTheGridThatHoldsThem() {
        var placed = officer().post("/api/prevention-units", GridTestData.unit("拉沙村劝导站二", 104.445, 34.06));
        var nowhere = officer().post("/api/prevention-units", GridTestData.unit("远处", 100.0, 30.0));
        var otherTownship = as(TestUsers.officer(TestUsers.MUER))
                .post("/api/prevention-units", GridTestData.unit("越界", 104.445, 34.06));

        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.json().get("gridCode").asString()).isEqualTo(TestUsers.LASHA_GRID);
        assertThat(placed.json().get("villageCode").asString()).isEqualTo("621223101002");
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(otherTownship.status()).isEqualTo(403);
    }

    @Test
    void badInputAboutPeopleAndPlacesIsRefusedAndNothingIsStored() {
        long members = mongo.getCollection("members").countDocuments();
        long households = mongo.getCollection("households").countDocuments();
        long units = mongo.getCollection("prevention_units").countDocuments();
        long talks = mongo.getCollection("publicity_events").countDocuments();

        var badMember = officer().post("/api/members", """
                {"id":"x y","name":"","force":"KNIGHT","duties":[],"gridCodes":["1"],"mobile":"12345"}""");
        var noDuties = officer().post("/api/members", """
                {"id":"member.new","name":"新人","force":"COURIER","duties":[],"gridCodes":["%s"]}""".formatted(GRID));
        var unknownGrid = officer().post("/api/members", GridTestData.member("member.nogrid", "621223101001099"));
        var badIdNumber = officer().post("/api/households",
                GridTestData.household(GRID, ID_NUMBER.replace('X', '1')));
        var unitElsewhere = officer().post("/api/households", GridTestData.household(GRID, ID_NUMBER)
                .replace("\"unitCode\":\"" + GRID + "001\"", "\"unitCode\":\"621223101002001001\""));
        var noResidents = officer().post("/api/households", """
                {"gridCode":"%s","address":"x","residents":[]}""".formatted(GRID));
        var badSearch = officer().get("/api/households?idNumber=12345");
        var badUnit = officer().post("/api/prevention-units", """
                {"kind":"CASTLE","name":"","longitude":181,"latitude":34}""");
        var badTalk = officer().post("/api/publicity-events", GridTestData.publicity(GRID)
                .replace("46", "-1").replace("ANTI_FRAUD", "GOSSIP"));
        var negativeAttendance = officer().post("/api/publicity-events", GridTestData.publicity(GRID)
                .replace("46", "-1"));

        assertThat(badMember.status()).isEqualTo(400);
        assertThat(badMember.json().get("errors").findValuesAsString("field")).isNotEmpty();
        assertThat(noDuties.status()).isEqualTo(400);
        assertThat(noDuties.json().get("errors").findValuesAsString("field")).containsExactly("duties");
        assertThat(unknownGrid.status()).isEqualTo(422);
        assertThat(badIdNumber.status()).isEqualTo(400);
        assertThat(badIdNumber.json().get("errors").findValuesAsString("field"))
                .containsExactly("residents[0].idNumber");
        assertThat(unitElsewhere.status()).isEqualTo(400);
        assertThat(noResidents.status()).isEqualTo(400);
        assertThat(badSearch.status()).isEqualTo(400);
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badTalk.status()).isEqualTo(400);
        assertThat(negativeAttendance.status()).isEqualTo(400);
        assertThat(negativeAttendance.json().get("errors").findValuesAsString("field")).containsExactly("attendance");
        assertThat(mongo.getCollection("members").countDocuments()).isEqualTo(members);
        assertThat(mongo.getCollection("households").countDocuments()).isEqualTo(households);
        assertThat(mongo.getCollection("prevention_units").countDocuments()).isEqualTo(units);
        assertThat(mongo.getCollection("publicity_events").countDocuments()).isEqualTo(talks);
    }

    private static List<ConsumerRecord<String, String>> events(String topic, String key) {
        return TestEvents.readAll(topic, Duration.ofMillis(800)).stream().filter(r -> key.equals(r.key())).toList();
    }
}
