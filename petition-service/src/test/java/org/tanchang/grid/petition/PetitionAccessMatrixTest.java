package org.tanchang.grid.petition;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.ApplicationContext;
import org.tanchang.grid.petition.request.RequestFixtures;
import org.tanchang.grid.petition.request.RequestSeeds;
import org.tanchang.grid.petition.request.RequestState;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.AccessProfile;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestFiles;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Every operation is tried on a fresh request of the owning citizen in 杨家村's grid, seeded straight into the store
 * in the state the operation starts from (the paths there are tested through the API elsewhere); reads share one;
 * bundle tasks are written as the task consumer would.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")   // must not take the other tests' partitions
class PetitionAccessMatrixTest extends AccessMatrixTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationContext context;

    private RequestSeeds seeds;

    /** The /open311 lines are checked by Open311AccessTest: the platform's matrix covers /api only. */
    @Override
    protected List<Expectation> expectations() {
        return super.expectations().stream().filter(e -> e.path().startsWith("/api/")).toList();
    }

    @Override
    protected Fixture fixture(Expectation operation) {
        RequestFixtures requests = new RequestFixtures(port);
        if (seeds == null) {
            seeds = new RequestSeeds(context);
        }
        String path = operation.path();
        String owner = AccessProfile.OWNER;
        String grid = TestUsers.YANGJIA_GRID;
        if (path.startsWith("/api/service-items") || path.startsWith("/api/service-bundles")) {
            String code = path.startsWith("/api/service-items") ? "HR-TRANSFER" : "ONE-CHILD-BIRTH";
            return new Fixture(Map.of("code", code), null, null, null, null, code);
        }
        if (path.startsWith("/api/bundle-requests") || path.startsWith("/api/bundle-tasks")) {
            return bundle(requests, operation);
        }
        if (path.equals("/api/service-levels") || path.startsWith("/api/audit")) {
            return new Fixture(Map.of(), null, null, grid, owner, "");
        }
        if (path.equals("/api/service-requests/link")) {
            // taken at the window without an account: whoever holds the receipt number and the ID number links it
            RequestSeeds.Seed atWindow = seeds.atWindow();
            return new Fixture(Map.of(), null, "{\"number\":\"" + atWindow.number()
                    + "\",\"idNumber\":\"110105194901020123\"}", grid, owner, atWindow.id());
        }
        if (path.startsWith("/api/assistance-questions")) {
            RequestSeeds.Seed waiting = seeds.waitingForAssistance(owner);
            return new Fixture(Map.of("assistanceId", waiting.assistanceId()), "requestNumber=" + waiting.number(),
                    null, grid, owner, waiting.assistanceId());
        }
        String action = path.substring(path.lastIndexOf('/') + 1);
        RequestSeeds.Seed request = switch (action) {
            case "request-materials" -> seeds.inState(owner, RequestState.PRECHECKED, false);
            case "resubmit" -> seeds.inState(owner, RequestState.INCOMPLETE);
            case "accept", "refuse" -> seeds.inState(owner, RequestState.PRECHECKED);
            case "start", "assistance" -> seeds.inState(owner, RequestState.ACCEPTED);
            case "complete" -> seeds.inState(owner, RequestState.IN_PROCESS);
            case "close" -> seeds.inState(owner, RequestState.COMPLETED);
            case "commendations" -> seeds.inState(owner, operation.method().equals("POST") ? RequestState.COMPLETED
                    : RequestState.SUBMITTED);
            case "rate" -> seeds.inState(owner, RequestState.CLOSED);
            case "remind", "reply", "withdraw" -> seeds.waitingForAssistance(owner);
            default -> seeds.inState(owner, RequestState.SUBMITTED);
        };
        String id = request.id();
        String assistanceId = request.assistanceId() == null ? "none" : request.assistanceId();
        String query = operation.method().equals("GET") && path.equals("/api/service-requests")
                ? "number=" + request.number() : null;
        String body = switch (action) {
            case "service-requests" -> RequestFixtures.body(grid, RequestFixtures.ID_APPLY_MATERIALS);
            case "reply" -> "{\"reply\":\"已核实\",\"confirmed\":true}";
            case "withdraw" -> "{\"reason\":\"申请人已自行补齐证明\"}";
            case "supervise" -> "{\"reason\":\"超时未办结\"}";
            case "commendations" -> "{\"kind\":\"BANNER\",\"text\":\"为民解忧、情系百姓\",\"receivedOn\":\"2026-07-28\","
                    + "\"giverName\":\"杨某某\",\"namedStaff\":[\"clerk-lichuan\"]}";
            case "assistance" -> "{\"agency\":\"乌海市公安局新华派出所\",\"question\":\"请核实户籍\",\"timeLimit\":\"5WD\"}";
            default -> RequestFixtures.bodyOf(action);
        };
        if (path.startsWith("/api/service-requests/{id}/files")) {
            var material = requests.as(TestUsers.citizen(owner)).upload("/api/service-requests/" + id + "/files",
                    "户口簿.pdf", "application/pdf", TestFiles.pdf(2_000));
            if (material.status() != 201) {
                throw new IllegalStateException("fixture file refused: " + material.status() + " " + material.text());
            }
            return new Fixture(Map.of("id", id, "fileId", material.json().get("id").asString()), null, null, grid,
                    owner, id);
        }
        return new Fixture(Map.of("id", id, "assistanceId", assistanceId), query, body, grid, owner, id);
    }

    private Fixture bundle(RequestFixtures requests, Expectation operation) {
        String answers = "{\"childName\":\"杨小禾\",\"birthDate\":\"2026-10-30\",\"fatherName\":\"杨建国\","
                + "\"motherName\":\"李秀兰\",\"birthCertificateNumber\":\"Q620001234\"}";
        String submit = "{\"bundleCode\":\"ONE-CHILD-BIRTH\",\"gridCode\":\"" + TestUsers.YANGJIA_GRID
                + "\",\"answers\":" + answers + "}";
        var submitted = requests.as(TestUsers.citizen(AccessProfile.OWNER)).post("/api/bundle-requests", submit).json();
        String id = submitted.get("id").asString();
        if (operation.path().startsWith("/api/bundle-tasks")) {
            String taskId = "task-" + UUID.randomUUID();
            mongo.insert(new Document("_id", taskId).append("bundleRequestId", id).append("itemCode", "HR-BIRTH")
                    .append("gridCode", TestUsers.YANGJIA_GRID).append("version", 0L), "bundle_tasks");
            return new Fixture(Map.of("taskId", taskId), "bundleRequestId=" + id, "{\"outcome\":\"DONE\"}",
                    TestUsers.YANGJIA_GRID, AccessProfile.OWNER, taskId);
        }
        String query = operation.method().equals("GET") && operation.path().equals("/api/bundle-requests")
                ? "number=" + submitted.get("number").asString() : null;
        return new Fixture(Map.of("id", id), query, submit, TestUsers.YANGJIA_GRID, AccessProfile.OWNER, id);
    }
}
