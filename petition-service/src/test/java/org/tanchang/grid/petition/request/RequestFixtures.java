package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** Requests driven through the API into a given state, as a citizen and a window clerk of 理川镇 would. */
public final class RequestFixtures {

    public static final List<String> ID_APPLY_MATERIALS = List.of("居民户口簿", "原居民身份证（换领时交回）",
            "数码相片回执（现场采集的免交）");

    private final int port;

    public RequestFixtures(int port) {
        this.port = port;
    }

    public static String clerk() {
        return TestUsers.token("clerk-lichuan", "WINDOW_CLERK", TestUsers.LICHUAN);
    }

    public ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    public static String body(String gridCode, List<String> materials) {
        return "{\"itemCode\":\"ID-APPLY\",\"gridCode\":\"" + gridCode + "\",\"applicant\":{\"name\":\"杨建国\","
                + "\"idNumber\":\"110105194901020123\",\"phone\":\"13800138000\"},\"fields\":{\"reason\":\"到期换领\"},"
                + "\"materials\":" + ApiClient.json(materials) + ",\"description\":\"身份证到期\"}";
    }

    /** Submitted by {@code citizen}; with all materials or only the first one. */
    public JsonNode submit(String citizen, boolean allMaterials) {
        var response = as(TestUsers.citizen(citizen)).post("/api/service-requests",
                body(TestUsers.YANGJIA_GRID, allMaterials ? ID_APPLY_MATERIALS : ID_APPLY_MATERIALS.subList(0, 1)));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    public JsonNode step(String id, String action, String body) {
        var response = as(clerk()).post("/api/service-requests/" + id + "/" + action, body == null ? "{}" : body);
        assertThat(response.status()).as(action + " " + response.text()).isEqualTo(200);
        return response.json();
    }

    /** A request of {@code citizen} in {@code state}, reached by the shortest legal path. */
    public JsonNode inState(String citizen, RequestState state) {
        boolean incompletePath = state == RequestState.INCOMPLETE;
        JsonNode r = submit(citizen, !incompletePath);
        String id = r.get("id").asString();
        List<String> path = pathTo(state);
        for (String action : path) {
            r = step(id, action, action.equals("refuse") ? "{\"reason\":\"不符合条件\"}" : null);
        }
        return r;
    }

    /** The shortest legal path from SUBMITTED to {@code state}; INCOMPLETE needs a submission missing materials. */
    static List<String> pathTo(RequestState state) {
        return switch (state) {
            case SUBMITTED -> List.of();
            case PRECHECKED -> List.of("precheck");
            case INCOMPLETE -> List.of("precheck", "request-materials");
            case ACCEPTED -> List.of("precheck", "accept");
            case IN_PROCESS -> List.of("precheck", "accept", "start");
            case COMPLETED -> List.of("precheck", "accept", "start", "complete");
            case REFUSED -> List.of("precheck", "refuse");
            case CLOSED -> List.of("precheck", "accept", "start", "complete", "close");
            case RATED, REFERRED -> throw new IllegalArgumentException(state + " is reached by the citizen or refer");
        };
    }

    /** The endpoint of a step: thanks are a sub-resource ({@code commend} is POST .../commendations). */
    public static String pathOf(String action) {
        return action.equals("commend") ? "commendations" : action;
    }

    /** A body that makes {@code action} legal for a fixture in the state the action starts from. */
    public static String bodyOf(String action) {
        return switch (action) {
            case "refuse" -> "{\"reason\":\"不符合条件\"}";
            case "resubmit" -> "{\"materials\":" + ApiClient.json(ID_APPLY_MATERIALS.subList(1, 3)) + "}";
            case "rate" -> "{\"score\":5,\"comment\":\"很快\"}";
            case "refer" -> "{\"target\":\"MEDIATION\",\"reason\":\"实为邻里纠纷\"}";
            case "commend" -> "{\"kind\":\"BANNER\",\"text\":\"为民解忧、情系百姓\",\"receivedOn\":\"2026-07-28\","
                    + "\"giverName\":\"杨某某\",\"namedStaff\":[\"clerk-lichuan\"]}";
            default -> "{}";
        };
    }
}
