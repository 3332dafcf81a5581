package org.tanchang.grid.gridservice.member;

/** The forces a grid member belongs to (the "N" in 1+N: one officer and many forces). */
public enum Force {
    RED_VEST_GRID_WORKER, HERB_TOWN_GUARD_TEAM, OLIVE_VOLUNTEER_POLICE, RETIRED_OFFICER, TEN_HOUSEHOLD_LEADER,
    COURIER, TAXI_DRIVER, VETERAN, VILLAGE_CADRE, OTHER
}
