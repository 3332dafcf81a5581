package org.tanchang.grid.platform.security;

import java.util.List;

/**
 * The OAuth scopes a system client may be registered for at the auth server: one read and one write scope per
 * domain service. Named in {@link Allowed#scopes()} of every endpoint open to {@link Roles#SYSTEM}; a person's
 * token is never checked against them (people are limited by their roles and areas).
 */
public final class Scopes {

    public static final String GRID_READ = "grid.read";
    public static final String GRID_WRITE = "grid.write";
    public static final String CASES_READ = "cases.read";
    public static final String CASES_WRITE = "cases.write";
    public static final String MEDIATION_READ = "mediation.read";
    public static final String MEDIATION_WRITE = "mediation.write";
    public static final String PETITION_READ = "petition.read";
    public static final String PETITION_WRITE = "petition.write";
    public static final String NOTIFICATIONS_READ = "notifications.read";
    public static final String NOTIFICATIONS_WRITE = "notifications.write";
    /** Outside agencies (市场监管所, another county's station, a court): only the referrals addressed to them. */
    public static final String REFERRALS_READ = "referrals.read";
    public static final String REFERRALS_WRITE = "referrals.write";

    /** Every scope a client may hold: the security scheme of each OpenAPI document lists them. */
    public static final List<String> READ = List.of(GRID_READ, CASES_READ, MEDIATION_READ, PETITION_READ,
            NOTIFICATIONS_READ, REFERRALS_READ);
    public static final List<String> WRITE = List.of(GRID_WRITE, CASES_WRITE, MEDIATION_WRITE, PETITION_WRITE,
            NOTIFICATIONS_WRITE, REFERRALS_WRITE);

    private Scopes() {
    }
}
