package org.tanchang.grid.mediation.dispute;

/** The "five face to face" (五个面对面) ways of the county's stations. */
public enum MediationMethod {
    /** 农家院落面对面: in the farmyard. */
    FARMYARD,
    /** 送法上门面对面: bringing the law to the door. */
    LAW_TO_THE_DOOR,
    /** 田间地头面对面: in the field. */
    IN_THE_FIELD,
    /** 阳光调解面对面: open mediation before the villagers. */
    OPEN_MEDIATION,
    /** 带案下访面对面: taking the case down to the village. */
    CASE_TO_THE_VILLAGE
}
