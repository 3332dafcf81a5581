package org.tanchang.grid.platform.test;

import java.util.List;

/**
 * Tokens for the people of the local seed, signed by the JVM's shared {@link TestTokens}: the places are those of the
 * demo users (理川镇 with 杨家村, 拉沙村 and 大舍村; 木耳乡 with 马莲村).
 */
public final class TestUsers {

    public static final String COUNTY = "621223";
    public static final String LICHUAN = "621223101";
    public static final String MUER = "621223102";
    public static final String YANGJIA_GRID = "621223101001001";
    public static final String LASHA_GRID = "621223101002001";
    /** The grid of 马莲村, 木耳乡 (the seed's "一窗通办" story): the demo grid of the other township. */
    public static final String MALIAN_GRID = "621223102001001";
    /** The grid of 大舍村, 理川镇 (the seed's 平安法治文化园). */
    public static final String DASHE_LICHUAN_GRID = "621223101004001";
    /**
     * The 木耳乡 grid, {@link #MALIAN_GRID}: the name predates issue 13, which moved 大舍村 into 理川镇 as the seed
     * has it; tests that need "a grid of the other township" may keep using it.
     */
    public static final String DASHE_GRID = MALIAN_GRID;

    private TestUsers() {
    }

    public static String token(String subject, String role, String... scopeCodes) {
        return TestTokens.shared().token(subject, List.of(role), List.of(scopeCodes));
    }

    /** Another government system's client-credentials token with the given scopes, acting county-wide. */
    public static String system(String clientId, String... clientScopes) {
        return TestTokens.shared().system(clientId, List.of(clientScopes), COUNTY);
    }

    public static String gridMember(String gridCode) {
        return token("member-" + gridCode, "GRID_MEMBER", gridCode);
    }

    public static String officer(String townshipCode) {
        return token("officer-" + townshipCode, "OFFICER", townshipCode);
    }

    public static String mediator(String townshipCode) {
        return token("mediator-" + townshipCode, "MEDIATOR", townshipCode);
    }

    public static String supervisor(String areaCode) {
        return token("supervisor-" + areaCode, "SUPERVISOR", areaCode);
    }

    public static String admin() {
        return token("admin", "ADMIN", COUNTY);
    }

    public static String citizen(String subject) {
        return token(subject, "CITIZEN");
    }
}
