package org.tanchang.grid.cases.hazard;

/** How case-service learned of a hazard. */
public enum HazardSource {
    /** A HAZARD finding of a grid member's patrol report (grid-service's PatrolReportSubmitted). */
    PATROL_FINDING("From a patrol finding"),
    /** Recorded through the API by an officer, auxiliary officer, grid member or supervisor. */
    DIRECT("Recorded directly");

    private final String remark;

    HazardSource(String remark) {
        this.remark = remark;
    }

    String remark() {
        return remark;
    }
}
