package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;

/** Opens walk-in disputes in 杨家村's grid through the API and drives them to any state, as a township mediator. */
public final class DisputeDriver {

    /** The valid body of each action, as a mediator would send it. */
    public static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("add-parties", """
                    {"parties":[{"kind":"ORGANISATION","role":"THIRD_PARTY","name":"杨家村村民委员会"}]}"""),
            Map.entry("accept", "{\"remark\":\"受理\"}"),
            Map.entry("decline", "{\"reason\":\"被申请人明确拒绝调解\"}"),
            Map.entry("start-mediation", "{}"),
            Map.entry("hold-session", """
                    {"heldOn":"2026-01-05","place":"杨家村田间地头","mediatorIds":["mediator-lichuan-01"],
                     "method":"IN_THE_FIELD","notes":"逐户核实受损面积"}"""),
            Map.entry("extend-mediation", "{\"days\":5,\"reason\":\"双方同意待评估后再调\"}"),
            Map.entry("agree", """
                    {"signedOn":"2026-01-06","terms":[{"obligorIndex":1,"beneficiaryIndex":0,
                     "obligation":"赔偿覆膜药苗损失","amountFen":120000,"dueOn":"2026-01-20"}]}"""),
            Map.entry("terminate", "{\"reason\":\"双方分歧过大\",\"referral\":\"LITIGATION\"}"),
            Map.entry("apply-confirmation", "{\"appliedOn\":\"2026-01-10\"}"),
            Map.entry("confirm", "{}"),
            Map.entry("refuse-confirmation", "{}"),
            Map.entry("start-performance", "{}"),
            Map.entry("perform-term", "{\"termIndex\":0,\"performedOn\":\"2026-01-08\"}"),
            Map.entry("fulfil", "{}"),
            Map.entry("archive", "{}"),
            Map.entry("add-grids", "{\"gridCodes\":[\"621223101002001\"],\"reason\":\"牛群属邻村牧户\"}"),
            Map.entry("schedule-visit", "{\"dueOn\":\"2026-01-15\",\"partyName\":\"马某某\"}"),
            Map.entry("excuse-visit", "{\"partyIndex\":1,\"reason\":\"已外出务工，电话确认履行到位\"}"),
            Map.entry("supervise", "{\"reason\":\"调解超期，请尽快办结\"}"),
            Map.entry("commend", """
                    {"kind":"BANNER","text":"急民之所急 解民之所忧","receivedOn":"2026-01-09","giverName":"杨某某",
                     "giverPhone":"13800138000","namedStaff":["mediator-621223101"]}"""));

    /** How each state is reached from APPLIED. */
    static final Map<DisputeState, List<String>> PATHS = Map.ofEntries(
            Map.entry(DisputeState.APPLIED, List.of()),
            Map.entry(DisputeState.ACCEPTED, List.of("accept")),
            Map.entry(DisputeState.DECLINED, List.of("decline")),
            Map.entry(DisputeState.MEDIATING, List.of("accept", "start-mediation")),
            Map.entry(DisputeState.TERMINATED, List.of("accept", "terminate")),
            Map.entry(DisputeState.AGREED, List.of("accept", "start-mediation", "agree")),
            Map.entry(DisputeState.CONFIRMATION_PENDING, List.of("accept", "start-mediation", "agree",
                    "apply-confirmation")),
            Map.entry(DisputeState.CONFIRMED, List.of("accept", "start-mediation", "agree", "apply-confirmation",
                    "confirm")),
            Map.entry(DisputeState.PERFORMING, List.of("accept", "start-mediation", "agree", "start-performance")),
            Map.entry(DisputeState.FULFILLED, List.of("accept", "start-mediation", "agree", "start-performance",
                    "perform-term", "fulfil")),
            Map.entry(DisputeState.ARCHIVED, List.of("decline", "archive")));

    public static final String OPEN_BODY = """
            {"type":"NEIGHBOUR","description":"两户村民因宅基地界址发生争执","gridCode":"%s","riskLevel":"MEDIUM",
             "parties":[{"kind":"PERSON","role":"APPLICANT","name":"杨某某","idNumber":"11010519491231002X",
                         "phone":"13800138000","claims":"拆除越界围墙"},
                        {"kind":"PERSON","role":"RESPONDENT","name":"马某某"}]}""".formatted(TestUsers.YANGJIA_GRID);

    private final ApiClient api;

    public DisputeDriver(int port) {
        this.api = ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN));
    }

    public ApiClient api() {
        return api;
    }

    /** A fresh walk-in dispute in APPLIED with two parties; returns its id. */
    public String open() {
        ApiClient.Response opened = api.post("/api/disputes", OPEN_BODY);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    /** A fresh dispute in the given state (by its public name, for tests outside this package). */
    public String openIn(String state) {
        String id = open();
        for (String action : PATHS.get(DisputeState.valueOf(state))) {
            act(id, action);
        }
        return id;
    }

    /**
     * A fresh dispute on which {@code action} succeeds: in the first state the workflow allows it from (archive: a
     * declined dispute, which needs no visit), with a fulfil's terms performed first.
     */
    public String openFor(String action) {
        DisputeState from = action.equals("archive") ? DisputeState.DECLINED
                : DisputeWorkflow.TABLE.transitions().stream().filter(t -> t.action().equals(action)).findFirst()
                        .orElseThrow().from();
        String id = openIn(from.name());
        if (action.equals("fulfil")) {
            act(id, "perform-term");
        }
        return id;
    }

    public ApiClient.Response act(String id, String action) {
        ApiClient.Response response = post(id, action, BODIES.get(action));
        assertThat(response.status()).as(action + " on " + id + ": " + response.text()).isEqualTo(200);
        return response;
    }

    public ApiClient.Response post(String id, String action, String body) {
        return api.post("/api/disputes/" + id + "/" + pathOf(action), body);
    }

    /** The endpoint of an action: a session is a sub-resource, the others are named by the step. */
    public static String pathOf(String action) {
        return action.equals("hold-session") ? "sessions" : action.equals("commend") ? "commendations" : action;
    }
}
