package org.tanchang.grid.gridservice.household;

/** Why a household or resident needs attention from the grid (关爱对象). */
public enum CareTag {
    ELDERLY_LIVING_ALONE, LEFT_BEHIND_CHILD, DISABILITY, LOW_INCOME, SERIOUS_ILLNESS, LEFT_BEHIND_ELDERLY,
    MENTAL_HEALTH, COMMUNITY_CORRECTION
}
