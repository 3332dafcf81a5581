package org.tanchang.grid.mediation.dispute;

/** Who mediates: "small matters stay in the grid, big matters stay in the township", the rest goes to the county. */
public enum MediationLevel {
    GRID(15), TOWNSHIP(9), COUNTY(6);

    private final int codeLength;

    MediationLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /** The area code of this level above a grid: the grid itself, its township (9 digits) or the county (6). */
    public String areaOf(String gridCode) {
        return gridCode.substring(0, codeLength);
    }

    /** The next level up, or null at the county. */
    MediationLevel up() {
        return this == COUNTY ? null : values()[ordinal() + 1];
    }
}
