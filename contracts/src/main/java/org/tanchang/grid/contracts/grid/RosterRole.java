package org.tanchang.grid.contracts.grid;

/** The posts of the three-level responsibility roster of an area (and the mediators each level can draw on). */
public enum RosterRole {
    RESPONSIBLE_OFFICER,
    RESIDENT_AUXILIARY_OFFICER,
    RESIDENT_CADRE,
    VILLAGE_CADRE,
    OLIVE_VOLUNTEER_POLICE,
    TEN_HOUSEHOLD_LEADER,
    GRID_MEMBER,
    MEDIATOR,
    SUPERVISOR
}
