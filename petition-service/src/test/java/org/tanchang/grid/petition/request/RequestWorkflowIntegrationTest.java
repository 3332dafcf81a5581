package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request lifecycle as the window and the citizen see it, and what it publishes. */
@ServiceIntegrationTest
class RequestWorkflowIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    RequestDeadlines sweep;

    @Autowired
    ApplicationContext context;

    private RequestFixtures fixtures() {
        return new RequestFixtures(port);
    }

    /** Every transition of the table, from a fixture in its from-state; and every other action there is a 409. */
    @TestFactory
    List<DynamicTest> everyTransitionOfTheTable() {
        // commend answers 201 with the commendation: RequestCommendationTest
        return RequestWorkflow.TABLE.transitions().stream().filter(t -> !t.action().equals("commend"))
                .map(t -> DynamicTest.dynamicTest(
                t.from() + " --" + t.action() + "--> " + t.to(), () -> {
                    String id = from(t.from(), t.action());
                    for (String other : RequestWorkflow.TABLE.actions()) {
                        if (!RequestWorkflow.TABLE.allows(t.from(), other)) {
                            var refused = fixtures().as(RequestFixtures.clerk()).post("/api/service-requests/" + id
                                    + "/" + RequestFixtures.pathOf(other), RequestFixtures.bodyOf(other));
                            assertThat(refused.status()).as(other + " in " + t.from()).isIn(403, 409);
                        }
                    }
                    String token = t.action().equals("rate") || t.action().equals("resubmit")
                            ? TestUsers.citizen("citizen-a") : RequestFixtures.clerk();
                    var done = fixtures().as(token).post("/api/service-requests/" + id + "/" + t.action(),
                            RequestFixtures.bodyOf(t.action()));
                    assertThat(done.status()).as(done.text()).isEqualTo(200);
                    assertThat(done.json().get("state").asString()).isEqualTo(t.to().name());
                    JsonNode last = done.json().get("timeline").get(done.json().get("timeline").size() - 1);
                    assertThat(last.get("action").asString()).isEqualTo(t.action());
                }))
                .toList();
    }

    /** Seeded in the store: the way into each state is itself a transition tested here through the API. */
    private String from(RequestState state, String action) {
        boolean allMaterials = !(state == RequestState.PRECHECKED && action.equals("request-materials"));
        return new RequestSeeds(context).inState("citizen-a", state, allMaterials && state != RequestState.INCOMPLETE)
                .id();
    }

    @Test
    void incompleteListsEveryMissingMaterialAtOnceAndResubmittingGoesBackToPrechecked() {
        String id = fixtures().submit("citizen-b", false).get("id").asString();
        fixtures().step(id, "precheck", null);

        JsonNode incomplete = fixtures().step(id, "request-materials", null);

        assertThat(incomplete.get("state").asString()).isEqualTo("INCOMPLETE");
        assertThat(incomplete.get("missingMaterials").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(RequestFixtures.ID_APPLY_MATERIALS.subList(1, 3));
        var accept = fixtures().as(RequestFixtures.clerk()).post("/api/service-requests/" + id + "/accept", "{}");
        assertThat(accept.status()).isEqualTo(409);
        JsonNode back = fixtures().as(TestUsers.citizen("citizen-b")).post("/api/service-requests/" + id + "/resubmit",
                RequestFixtures.bodyOf("resubmit")).json();
        assertThat(back.get("state").asString()).isEqualTo("PRECHECKED");
        assertThat(back.get("missingMaterials").isEmpty()).isTrue();
        List<JsonNode> changes = events(id, "RequestStateChanged");
        assertThat(changes).anySatisfy(e -> {
            assertThat(e.get("toState").asString()).isEqualTo("INCOMPLETE");
            assertThat(e.get("missingMaterials").size()).isEqualTo(2);
        });
    }

    @Test
    void badInputIsA400ThatStoresNothing() {
        var response = fixtures().as(TestUsers.citizen("citizen-c")).post("/api/service-requests",
                "{\"itemCode\":\"ID-APPLY\",\"gridCode\":\"621223101001001\",\"applicant\":{\"name\":\"杨\","
                        + "\"idNumber\":\"110105194901020124\"},\"fields\":{\"colour\":\"red\"}}");

        assertThat(response.status()).isEqualTo(400);
        var list = fixtures().as(TestUsers.citizen("citizen-c")).get("/api/service-requests").json();
        assertThat(list.get("total").asLong()).isZero();
    }

    @Test
    void aCitizenSeesOnlyTheirOwnAndTheApplicantIsMasked() {
        JsonNode r = fixtures().submit("citizen-d", true);
        String id = r.get("id").asString();

        assertThat(r.get("number").asString()).matches("621223-SQ-\\d{8}-\\d{5}");
        assertThat(r.get("applicant").get("idNumber").asString()).isEqualTo("110105********0123");
        assertThat(fixtures().as(TestUsers.citizen("someone-else")).get("/api/service-requests/" + id).status())
                .isEqualTo(404);
        var receipt = fixtures().as(TestUsers.citizen("citizen-d")).get("/api/service-requests/" + id + "/receipt");
        assertThat(receipt.json().get("materialsReceived").size()).isEqualTo(3);
        assertThat(receipt.json().get("promisedBy").asString()).isNotBlank();
        var unmasked = fixtures().as(RequestFixtures.clerk()).get("/api/service-requests/" + id + "?unmask=true");
        assertThat(unmasked.json().get("applicant").get("idNumber").asString()).isEqualTo("110105194901020123");
    }

    @Test
    void referralToMediationAndToCaseIsPublishedAndFollowedFromTheRequest() {
        for (String target : List.of("MEDIATION", "CASE")) {
            var submitted = fixtures().as(TestUsers.citizen("citizen-e")).post("/api/service-requests",
                    RequestFixtures.body(TestUsers.YANGJIA_GRID, RequestFixtures.ID_APPLY_MATERIALS).replace(
                            "\"description\"", "\"location\":{\"address\":\"宕昌县理川镇杨家村二组\","
                                    + "\"latitude\":34.047,\"longitude\":104.393},\"description\""));
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
            String id = submitted.json().get("id").asString();
            JsonNode referred = fixtures().step(id, "refer", "{\"target\":\"" + target + "\",\"reason\":\"另案处理\"}");

            assertThat(referred.get("state").asString()).isEqualTo("REFERRED");
            assertThat(referred.get("referral").get("target").asString()).isEqualTo(target);
            assertThat(referred.get("referral").get("sourceReference").asString()).isEqualTo(id);
            List<JsonNode> events = events(id, "RequestReferred");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("target").asString()).isEqualTo(target);
            assertThat(events.get(0).get("citizenId").asString()).isEqualTo("citizen-e");
            // where it is, so the receiving service can place it; never the address (personal data)
            assertThat(events.get(0).get("location").get("latitude").asDouble()).isEqualTo(34.047);
            assertThat(events.get(0).get("location").get("longitude").asDouble()).isEqualTo(104.393);
            assertThat(events.get(0).toString()).doesNotContain("杨家村二组");
        }
    }

    @Test
    void theWuhaiAssistanceIsAskedRemindedAndAnsweredWhileTheRequesterSeesItWaiting() {
        String id = fixtures().inState("citizen-f", RequestState.ACCEPTED).get("id").asString();
        JsonNode asked = fixtures().step(id, "assistance", "{\"agency\":\"乌海市公安局新华派出所\","
                + "\"question\":\"请核实杨某某1999年前的户籍\",\"timeLimit\":\"5WD\","
                + "\"agencyClientId\":\"" + RequestSeeds.WUHAI_SYSTEM + "\"}");
        String assistanceId = asked.get("assistance").get(0).get("id").asString();

        JsonNode seen = fixtures().as(TestUsers.citizen("citizen-f")).get("/api/service-requests/" + id).json();
        assertThat(seen.get("waitingFor").get(0).asString()).isEqualTo("waiting for 乌海市公安局新华派出所");
        JsonNode reminded = fixtures().step(id, "assistance/" + assistanceId + "/remind", null);
        assertThat(reminded.get("assistance").get(0).get("reminders").size()).isEqualTo(1);
        var reply = fixtures().as(TestUsers.system("wuhai-system", "petition.write"))
                .post("/api/service-requests/" + id + "/assistance/" + assistanceId + "/reply",
                        "{\"reply\":\"经核实，原户籍在我所辖区\",\"confirmed\":true}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("waitingFor").isEmpty()).isTrue();
        assertThat(reply.json().get("assistance").get(0).get("state").asString()).isEqualTo("ANSWERED");
        assertThat(reply.json().get("applicant").isNull()).as("the agency learns nothing of the applicant").isTrue();
        assertThat(reply.json().get("timeline")).isEmpty();
        var again = fixtures().as(RequestFixtures.clerk()).post("/api/service-requests/" + id + "/assistance/"
                + assistanceId + "/reply", "{\"reply\":\"再答\",\"confirmed\":true}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void deadlinesAreFlaggedYellowThenRedOncePerMeasureAndTheRatesCountThem() {
        JsonNode r = fixtures().submit("citizen-g", true);
        String id = r.get("id").asString();
        Instant submitted = OffsetDateTime.parse(r.get("submittedAt").asString()).toInstant();

        sweep.sweepAt(submitted.plusSeconds(22));       // 73% of the 30-second first response
        sweep.sweepAt(submitted.plusSeconds(23));       // the same flag again: nothing new
        sweep.sweepAt(submitted.plusSeconds(31));       // past due

        List<JsonNode> breaches = events(id, "RequestDeadlineBreached");
        assertThat(breaches).extracting(e -> e.get("measure").asString() + ":" + e.get("flag").asString())
                .containsExactly("FIRST_RESPONSE:YELLOW", "FIRST_RESPONSE:RED");
        JsonNode answered = fixtures().step(id, "precheck", null);
        assertThat(answered.get("serviceLevel").get("firstResponseAt").asString()).isNotBlank();
        sweep.sweepAt(submitted.plusSeconds(60));      // answered: the first response is no longer measured
        assertThat(events(id, "RequestDeadlineBreached")).hasSize(2);
        var rates = fixtures().as(TestUsers.supervisor(TestUsers.LICHUAN)).get("/api/service-levels?groupBy=STATION");
        assertThat(rates.status()).isEqualTo(200);
        assertThat(rates.json().get("items").get(0).get("key").asString()).isEqualTo("621223101");
        assertThat(rates.json().get("total").asLong()).as("one list shape").isEqualTo(rates.json().get("items").size());
    }

    /**
     * A request stored before the deadline tracks (flags as MEASURE:FLAG in {@code flagsRaised}, no yellow times) gets
     * its yellow times and flags once at start, so the sweep neither repeats a flag it had raised nor misses one.
     */
    @Test
    void aRequestStoredBeforeTheTracksKeepsItsFlagsAndGetsOnlyTheOnesStillDue() {
        JsonNode r = fixtures().submit("citizen-h", true);
        String id = r.get("id").asString();
        Instant submitted = OffsetDateTime.parse(r.get("submittedAt").asString()).toInstant();
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("firstResponseYellowAt")
                .unset("completionYellowAt").unset("firstResponseFlag").unset("completionFlag")
                .set("flagsRaised", List.of("FIRST_RESPONSE:YELLOW")), "service_requests");

        sweep.upgradeStoredRequests();
        sweep.upgradeStoredRequests();     // a second start changes nothing
        ServiceRequest upgraded = mongo.findById(id, ServiceRequest.class);
        assertThat(upgraded.firstResponseFlag).isEqualTo(DeadlineFlag.YELLOW);
        assertThat(upgraded.completionFlag).isNull();
        assertThat(upgraded.firstResponseYellowAt).isEqualTo(submitted.plusSeconds(21));
        sweep.sweepAt(submitted.plusSeconds(25));      // yellow was announced by the old release: nothing new
        sweep.sweepAt(submitted.plusSeconds(31));      // past due: red, once

        assertThat(events(id, "RequestDeadlineBreached")).extracting(e -> e.get("measure").asString() + ":"
                + e.get("flag").asString()).containsExactly("FIRST_RESPONSE:RED");
    }

    /** The data of this request's events of one type, in order, read from the broker. */
    static List<JsonNode> events(String id, String type) {
        List<ConsumerRecord<String, String>> all = TestEvents.readAll(Topics.REQUESTS, Duration.ofMillis(1500));
        return all.stream().filter(rec -> id.equals(rec.key()) && type.equals(TestEvents.eventName(rec)))
                .map(rec -> JSON.readTree(rec.value())).toList();
    }
}
