package org.tanchang.grid.cases.hazard;

/** Who answers for a hazard: the grid, its township or the county; overdue and repeated hazards go up a level. */
public enum HazardLevel {
    GRID(15), TOWNSHIP(9), COUNTY(6);

    private final int codeLength;

    HazardLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /** The area code of this level above a grid: the grid itself, its township (9 digits) or the county (6). */
    String areaOf(String gridCode) {
        return gridCode.substring(0, codeLength);
    }

    /** The next level up, or null at the county. */
    HazardLevel up() {
        return this == COUNTY ? null : values()[ordinal() + 1];
    }
}
