package org.tanchang.grid.gridservice.prevention;

/** The basic units of prevention: police posts and the places they watch. */
public enum UnitKind {
    /** 社区警务室 */
    COMMUNITY_POLICE_OFFICE,
    /** 农村劝导站 */
    RURAL_PERSUASION_STATION,
    SCENIC_SPOT,
    WORK_UNIT,
    KEY_SITE
}
