package org.tanchang.grid.cases.incident;

/** The kinds of matter case-service handles; the sub-types of each are data ({@code incident-types.json}). */
public enum IncidentType {
    THEFT,
    /** Theft of medicinal herbs (当归, 黄芪, 党参) from the fields or drying yards. */
    HERB_THEFT,
    FRAUD,
    /** A buyer who did not pay a farmer in full, and getting the money back (the seed's 2,000 yuan). */
    TRADE_DISPUTE_PAYMENT_RECOVERY,
    PUBLIC_ORDER,
    TRAFFIC,
    /** Not classified yet (every referral and patrol finding starts here until it is registered) or no other type. */
    OTHER
}
