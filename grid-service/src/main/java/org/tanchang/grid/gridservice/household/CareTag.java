package org.tanchang.grid.gridservice.household;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why a household or resident needs attention from the grid (关爱对象). */
// A named schema, not an inline enum: openapi-generator 7.25's Java "native" library does not compile a set of
// inline enum values (its query-string encoder iterates them as String).
@Schema(enumAsRef = true, description = "Why a household or resident needs attention from the grid (关爱对象).")
public enum CareTag {
    ELDERLY_LIVING_ALONE, LEFT_BEHIND_CHILD, DISABILITY, LOW_INCOME, SERIOUS_ILLNESS, LEFT_BEHIND_ELDERLY,
    MENTAL_HEALTH, COMMUNITY_CORRECTION
}
