package org.tanchang.grid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import java.util.UUID;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.cases.hazard.HazardFixtures;
import org.tanchang.grid.cases.incident.Walk;
import org.tanchang.grid.cases.lost.LostFixtures;
import org.tanchang.grid.cases.referral.ReferralFixtures;
import org.tanchang.grid.platform.test.AccessMatrixTest;
import org.tanchang.grid.platform.test.AccessProfile;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * case-service's access matrix: every operation is tried on a fresh incident in 杨家村's grid, reported through the
 * API by an officer of 理川镇 for the owning citizen (with a reporter, so reads meet personal data too) and walked
 * to the state the workflow action needs, dispatched to the matrix's own-township officer.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")   // must not take the other tests' partitions
class CaseServiceAccessMatrixTest extends AccessMatrixTest {

    /** The state each workflow action needs. */
    private static final Map<String, String> STATE_FOR = Map.ofEntries(Map.entry("register", "REPORTED"),
            Map.entry("void", "REPORTED"), Map.entry("supervise", "REPORTED"), Map.entry("dispatch", "REGISTERED"),
            Map.entry("accept", "DISPATCHED"), Map.entry("return", "DISPATCHED"), Map.entry("start", "ACCEPTED"),
            Map.entry("resolve", "IN_PROGRESS"), Map.entry("verify", "RESOLVED"), Map.entry("reject", "RESOLVED"),
            Map.entry("close", "VERIFIED"), Map.entry("evidence", "REPORTED"), Map.entry("money", "REPORTED"),
            Map.entry("vehicles", "REPORTED"), Map.entry("persons", "REPORTED"), Map.entry("reopen", "CLOSED"), Map.entry("evaluate", "CLOSED"),
            Map.entry("commendations", "CLOSED"));

    /** Thanks naming the officer who handled the fixture (the matrix's officer of 理川镇). */
    private static final String COMMENDATION = "{\"kind\":\"BANNER\",\"text\":\"人民好警察 百姓贴心人\","
            + "\"receivedOn\":\"2026-11-30\",\"giverName\":\"杨某某\",\"namedStaff\":[\"officer-own-township\"]}";

    @Autowired
    MongoTemplate mongo;

    /** The last fixture of each operation, reused while the refusals of the other profiles left it as it was. */
    private final Map<String, Fixture> last = new HashMap<>();

    @Override
    protected Fixture fixture(Expectation operation) {
        Fixture previous = last.get(operation.method() + " " + operation.path());
        if (previous != null && unchanged(operation, previous)) {
            return previous;
        }
        Fixture fresh = freshFixture(operation);
        last.put(operation.method() + " " + operation.path(), fresh);
        return fresh;
    }

    /**
     * Whether the object is still in the state the operation needs: reads and creates never change their fixture,
     * a refused command leaves it alone, and a command that succeeded moved it on (or, for the case details and
     * supervision, which do not move it, changed nothing the next profile depends on).
     */
    private boolean unchanged(Expectation operation, Fixture fixture) {
        if (!operation.method().equals("POST") || operation.rule().equals("create")
                || operation.path().endsWith("/files")) {
            return true;   // an attached file changes no state another profile depends on
        }
        if (operation.path().startsWith("/api/hazards/")) {
            return false;   // a hazard fixture is cheap: every profile gets its own
        }
        String path = operation.path();
        String action = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith("/api/referrals/")) {
            return ReferralFixtures.stateFor(action).equals(mongo.findById(fixture.objectId(), Document.class,
                    "referrals").getString("state"));
        }
        if (path.startsWith("/api/found-items/")) {
            Document item = mongo.findById(fixture.objectId(), Document.class, "found_items");
            String needed = action.equals("claim") || action.equals("release") ? "MATCHED"
                    : action.equals("dispose") ? "NOTICED" : action.equals("commendations") ? "RETURNED"
                    : "IN_CUSTODY";
            return needed.equals(item.getString("status"));
        }
        Document incident = mongo.findById(fixture.objectId(), Document.class, "incidents");
        return STATE_FOR.get(action).equals(incident.getString("state"));
    }

    private Fixture freshFixture(Expectation operation) {
        if (operation.path().startsWith("/api/referrals")) {
            return new ReferralFixtures(port).fixture(operation);
        }
        if (operation.path().startsWith("/api/hazards")) {
            return HazardFixtures.fixture(port, operation);
        }
        if (operation.path().startsWith("/api/lost-reports") || operation.path().startsWith("/api/found-items")
                || operation.path().startsWith("/api/public/")) {
            return lostProperty(operation);
        }
        String reference = "matrix-" + UUID.randomUUID();
        Walk walk = new Walk(port, "officer-own-township", AccessProfile.OWNER);
        String path = operation.path();
        if (path.startsWith("/api/incidents/{id}/files")) {
            String id = walk.to("REPORTED", reference);
            return new Fixture(withFile(walk.officer(), "/api/incidents/" + id, id), null, null,
                    TestUsers.YANGJIA_GRID, AccessProfile.OWNER, id);
        }
        String action = path.startsWith("/api/incidents/{id}/") ? path.substring(path.lastIndexOf('/') + 1) : null;
        String id = walk.to(action == null ? "REPORTED" : STATE_FOR.get(action), reference);
        // the list is narrowed to this fixture's report, so "absent outside the area" is not a page-size accident
        String query = operation.method().equals("GET") && path.equals("/api/incidents")
                ? "sourceReference=" + reference : null;
        String body = "commendations".equals(action) ? COMMENDATION
                : action != null ? walk.bodyOf(action) : report("matrix-create-" + UUID.randomUUID());
        return new Fixture(Map.of("id", id), query, body, TestUsers.YANGJIA_GRID, AccessProfile.OWNER, id);
    }

    /** Lost reports owned by the matrix's citizen, found items matched or noticed as the operation needs. */
    private Fixture lostProperty(Expectation operation) {
        LostFixtures lost = new LostFixtures(port);
        String path = operation.path();
        if (path.startsWith("/api/public/lost-property-notices/{receiptNumber}")) {
            String noticed = lost.found("NOTICED", null);
            Map<String, String> variables = new HashMap<>(withFile(lost.officer(), "/api/found-items/" + noticed,
                    noticed));
            variables.put("receiptNumber", lost.officer().get("/api/found-items/" + noticed).json()
                    .get("receiptNumber").asString());
            return new Fixture(variables, null, null, TestUsers.YANGJIA_GRID, null, noticed);
        }
        if (path.startsWith("/api/public/")) {
            return new Fixture(Map.of(), null, null, TestUsers.YANGJIA_GRID, null, null);
        }
        String lostId = lost.lost(AccessProfile.OWNER);
        if (path.startsWith("/api/lost-reports/{id}/files")) {
            return new Fixture(withFile(lost.officer(), "/api/lost-reports/" + lostId, lostId), null, null,
                    TestUsers.YANGJIA_GRID, AccessProfile.OWNER, lostId);
        }
        if (path.startsWith("/api/lost-reports")) {
            // a list is not narrowed by a filter: the newest-first page of this area holds the fixture just made
            return new Fixture(Map.of("id", lostId), path.equals("/api/lost-reports") ? "size=100" : null,
                    LostFixtures.lostBody(AccessProfile.OWNER, LostFixtures.ID_NUMBER, "钱包"), TestUsers.YANGJIA_GRID,
                    AccessProfile.OWNER, lostId);
        }
        if (path.startsWith("/api/found-items/{id}/files")) {
            String foundId = lost.found();
            return new Fixture(withFile(lost.officer(), "/api/found-items/" + foundId, foundId), null, null,
                    TestUsers.YANGJIA_GRID, null, foundId);
        }
        String status = path.endsWith("/claim") || path.endsWith("/release") || path.endsWith("/commendations")
                ? "MATCHED" : path.endsWith("/dispose") ? "NOTICED" : "IN_CUSTODY";
        String foundId = lost.found(status, lostId);
        if (path.endsWith("/commendations")) {   // thanks come after the handover
            assertThat(lost.officer().post("/api/found-items/" + foundId + "/claim",
                    LostFixtures.claimBody(lostId, LostFixtures.ID_NUMBER)).status()).isEqualTo(200);
        }
        String body = switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "match" -> "{\"lostReportId\":\"" + lostId + "\"}";
            case "claim" -> LostFixtures.claimBody(lostId, LostFixtures.ID_NUMBER);
            case "notice" -> "{\"publicDescription\":\"拾得黑色背包一个\"}";
            case "release" -> "{\"reason\":\"失主核对后确认不是其物品\"}";
            case "dispose" -> "{\"method\":\"TREASURY\"}";
            case "commendations" -> COMMENDATION;
            default -> LostFixtures.foundBody("BAG", "背包", "2026-11-28T16:10:00+08:00", 104.5, null);
        };
        // the list is newest-first: a page of 100 of this area holds the fixture just taken in
        String query = operation.method().equals("GET") && path.equals("/api/found-items") ? "size=100" : null;
        return new Fixture(Map.of("id", foundId), query, body, TestUsers.YANGJIA_GRID, null, foundId);
    }

    /** The matter's id and a photo attached to it by the police of the area, for the files operations. */
    private static Map<String, String> withFile(org.tanchang.grid.platform.test.ApiClient officer, String matterPath,
            String id) {
        var created = officer.upload(matterPath + "/files", "photo.png", "image/png",
                org.tanchang.grid.platform.test.TestFiles.png());
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Map.of("id", id, "fileId", created.json().get("id").asString());
    }

    private static String report(String reference) {
        return "{\"source\":\"CALL_110\",\"gridCode\":\"" + TestUsers.YANGJIA_GRID + "\",\"description\":\"集市上有人打架\","
                + "\"sourceReference\":\"" + reference + "\",\"reporter\":{\"name\":\"王芳\",\"phone\":\"13800138000\"}}";
    }
}
