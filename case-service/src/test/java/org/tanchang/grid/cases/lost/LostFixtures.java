package org.tanchang.grid.cases.lost;

import static org.assertj.core.api.Assertions.assertThat;

import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.TestUsers;

/** Lost reports and found items made through the API by an officer of 理川镇, in 杨家村's grid. */
public final class LostFixtures {

    public static final String GRID = TestUsers.YANGJIA_GRID;
    public static final String ID_NUMBER = "110105194901020123";
    public static final String OTHER_ID_NUMBER = "11010519491231002X";

    private final ApiClient officer;

    public LostFixtures(int port) {
        this.officer = ApiClient.local(port).withToken(TestUsers.token("officer-own-township", "OFFICER",
                TestUsers.LICHUAN));
    }

    public ApiClient officer() {
        return officer;
    }

    public static String lostBody(String owner, String idNumber, String description) {
        return "{\"category\":\"BAG\",\"description\":\"" + description + "\",\"lostFrom\":\"2026-11-28T14:00:00+08:00\","
                + "\"lostTo\":\"2026-11-28T15:30:00+08:00\",\"location\":{\"longitude\":104.55,\"latitude\":34.02},"
                + "\"areaCode\":\"" + GRID + "\",\"citizenId\":\"" + owner + "\",\"documents\":[{\"type\":\"ID_CARD\","
                + "\"number\":\"" + idNumber + "\"},{\"type\":\"BANK_CARD\",\"number\":\"6222020200112233445\"}]}";
    }

    public static String foundBody(String category, String description, String foundAt, double lon, String idNumber) {
        return "{\"category\":\"" + category + "\",\"description\":\"" + description + "\",\"foundAt\":\"" + foundAt
                + "\",\"location\":{\"longitude\":" + lon + ",\"latitude\":34.02},\"areaCode\":\"" + GRID
                + "\",\"custodyLocation\":\"理川派出所失物保管柜3号\",\"finderName\":\"赵师傅\",\"documents\":"
                + (idNumber == null ? "[]" : "[{\"type\":\"ID_CARD\",\"number\":\"" + idNumber + "\"}]") + "}";
    }

    public String lost(String owner) {
        return id(officer.post("/api/lost-reports", lostBody(owner, ID_NUMBER, "黑色双肩背包，内有身份证和两张银行卡")));
    }

    public String found() {
        return id(officer.post("/api/found-items", foundBody("BAG", "黑色双肩背包，内有身份证和银行卡",
                "2026-11-28T16:10:00+08:00", 104.56, ID_NUMBER)));
    }

    /** A found item in the given status: IN_CUSTODY, MATCHED (to {@code lostId}) or NOTICED. */
    public String found(String status, String lostId) {
        String id = found();
        if (status.equals("MATCHED")) {
            assertThat(officer.post("/api/found-items/" + id + "/match", "{\"lostReportId\":\"" + lostId + "\"}")
                    .status()).isEqualTo(200);
        }
        if (status.equals("NOTICED")) {
            assertThat(officer.post("/api/found-items/" + id + "/notice", "{\"publicDescription\":\"拾得黑色背包一个\"}")
                    .status()).isEqualTo(200);
        }
        return id;
    }

    public static String claimBody(String lostId, String idNumber) {
        return "{\"lostReportId\":\"" + lostId + "\",\"claimantIdNumber\":\"" + idNumber + "\",\"signatureSha256\":\""
                + "5e".repeat(32) + "\"}";
    }

    private static String id(ApiClient.Response created) {
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
