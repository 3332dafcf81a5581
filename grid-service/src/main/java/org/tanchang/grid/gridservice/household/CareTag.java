package org.tanchang.grid.gridservice.household;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Why a household or resident needs attention from the grid (关爱对象). One named schema instead of an enum inlined
 * in each set: openapi-generator's {@code native} Java client does not compile a set of an inline enum.
 */
@Schema(enumAsRef = true, description = "Why a household or resident needs attention from the grid (关爱对象)")
public enum CareTag {
    ELDERLY_LIVING_ALONE, LEFT_BEHIND_CHILD, DISABILITY, LOW_INCOME, SERIOUS_ILLNESS, LEFT_BEHIND_ELDERLY,
    MENTAL_HEALTH, COMMUNITY_CORRECTION
}
