package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Brings a fresh incident in 杨家村's grid to any state through the API, each step taken by whoever may take it: an
 * officer of 理川镇 (who is also the officer it is dispatched to), a supervisor of 理川镇, the reporting citizen.
 */
public final class Walk {

    public static final String GRID = TestUsers.YANGJIA_GRID;

    /** The shortest way from REPORTED to each state. */
    static final Map<IncidentState, List<String>> PATH = Map.of(
            IncidentState.REPORTED, List.of(),
            IncidentState.REGISTERED, List.of("register"),
            IncidentState.VOIDED, List.of("void"),
            IncidentState.DISPATCHED, List.of("register", "dispatch"),
            IncidentState.ACCEPTED, List.of("register", "dispatch", "accept"),
            IncidentState.IN_PROGRESS, List.of("register", "dispatch", "accept", "start"),
            IncidentState.RESOLVED, List.of("register", "dispatch", "accept", "start", "resolve"),
            IncidentState.VERIFIED, List.of("register", "dispatch", "accept", "start", "resolve", "verify"),
            IncidentState.CLOSED, List.of("register", "dispatch", "accept", "start", "resolve", "verify", "close"),
            IncidentState.EVALUATED, List.of("register", "dispatch", "accept", "start", "resolve", "verify", "close",
                    "evaluate"));

    private final String officer;
    private final String citizen;
    // signed once per walk: a token per request would be a signature per request
    private final ApiClient officerClient;
    private final ApiClient supervisorClient;
    private final ApiClient citizenClient;

    /** {@code officer}: subject of the officer of 理川镇 who reports, dispatches to himself and handles. */
    public Walk(int port, String officer, String citizen) {
        this.officer = officer;
        this.citizen = citizen;
        this.officerClient = ApiClient.local(port).withToken(TestUsers.token(officer, "OFFICER", TestUsers.LICHUAN));
        this.supervisorClient = ApiClient.local(port).withToken(TestUsers.token("supervisor-" + officer, "SUPERVISOR",
                TestUsers.LICHUAN));
        this.citizenClient = ApiClient.local(port).withToken(TestUsers.citizen(citizen));
    }

    public ApiClient officer() {
        return officerClient;
    }

    public ApiClient supervisor() {
        return supervisorClient;
    }

    public String citizenId() {
        return citizen;
    }

    public ApiClient citizen() {
        return citizenClient;
    }

    /** Reports a new incident and takes it to {@code state}; returns its id. */
    public String to(String state, String sourceReference) {
        var created = officer().post("/api/incidents", "{\"source\":\"CALL_110\",\"gridCode\":\"" + GRID
                + "\",\"description\":\"集市上有人打架\",\"sourceReference\":\"" + sourceReference
                + "\",\"citizenId\":\"" + citizen + "\",\"reporter\":{\"name\":\"王芳\",\"phone\":\"13800138000\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();
        for (String action : PATH.get(IncidentState.valueOf(state))) {
            var done = take(id, action);
            assertThat(done.status()).as(action + " " + done.text()).isEqualTo(200);
        }
        return id;
    }

    /** Takes {@code action} as whoever may, with a valid body. */
    public ApiClient.Response take(String id, String action) {
        // thanks are a sub-resource: the step "commend" is POST .../commendations
        String path = action.equals("commend") ? "commendations" : action;
        return clientFor(action).post("/api/incidents/" + id + "/" + path, bodyOf(action));
    }

    public ApiClient clientFor(String action) {
        return switch (action) {
            case "verify", "reject", "reopen", "supervise" -> supervisor();
            case "evaluate" -> citizen();
            default -> officer();
        };
    }

    public String bodyOf(String action) {
        return switch (action) {
            case "void", "return", "reject", "reopen", "supervise" -> "{\"reason\":\"测试原因\"}";
            case "dispatch" -> "{\"gridCode\":\"" + GRID + "\",\"officerId\":\"" + officer
                    + "\",\"officerName\":\"王海\"}";
            case "evaluate" -> "{\"rating\":5,\"comment\":\"满意\"}";
            case "commend" -> "{\"kind\":\"BANNER\",\"text\":\"人民好警察 百姓贴心人\",\"receivedOn\":\"2026-11-30\","
                    + "\"giverName\":\"杨某某\",\"namedStaff\":[\"" + officer + "\"]}";
            case "evidence" -> "{\"url\":\"https://files.tanchang.example/e/1.jpg\",\"type\":\"PHOTO\","
                    + "\"sha256\":\"" + "ab".repeat(32) + "\"}";
            case "money" -> "{\"amountInvolvedFen\":200000,\"amountRecoveredFen\":200000}";
            case "vehicles" -> "{\"plate\":\"甘J12345\",\"description\":\"白色厢式货车\"}";
            case "persons" -> "{\"role\":\"SUSPECT\",\"name\":\"张三\",\"idNumber\":\"110105194901020123\"}";
            default -> "{\"remark\":\"" + action + " done\"}";
        };
    }
}
