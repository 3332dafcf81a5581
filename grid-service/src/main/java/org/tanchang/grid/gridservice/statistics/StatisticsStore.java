package org.tanchang.grid.gridservice.statistics;

/**
 * The collections one set of read models lives in. The live models use the plain names; a rebuild writes a fresh set
 * under a prefix, so it can be compared with (or swapped for) the live one while the service keeps answering.
 */
record StatisticsStore(String prefix) {

    static final StatisticsStore LIVE = new StatisticsStore("");

    String gridDays() {
        return prefix + "grid_days";
    }

    String memberDays() {
        return prefix + "member_days";
    }

    /** requestId → grid, from RequestSubmitted: later request events name only the station. */
    String requestGrids() {
        return prefix + "request_grids";
    }
}
