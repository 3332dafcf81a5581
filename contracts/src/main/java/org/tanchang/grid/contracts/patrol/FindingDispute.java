package org.tanchang.grid.contracts.patrol;

import java.util.List;

/**
 * What the member in the field knows of a dispute: roughly what it is about, how risky it looks, and who stands on
 * which side. Optional part of a {@link FindingKind#DISPUTE} finding (null on every other kind and on findings
 * published before it existed); mediation-service opens the dispute with it instead of OTHER / MEDIUM and no parties.
 *
 * <p>On the wire the codes are plain strings (the enum constant names). A reader older than a new code reads it as
 * null (the platform's tolerant reader) and falls back to its own default; producers never send a code that is not
 * listed here.
 *
 * @param type      what the dispute is about; null when the member could not tell
 * @param riskLevel how likely it turns into violence or a mass incident; null when not judged
 * @param parties   the parties by name and role, at most {@link #MAX_PARTIES}; never null once read (empty list)
 */
public record FindingDispute(Type type, RiskLevel riskLevel, List<FindingParty> parties) {

    /** A dispute with more named parties than this is refused by the producer (twelve households are far below). */
    public static final int MAX_PARTIES = 200;

    public FindingDispute {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** The dispute types of mediation (statistics count disputes per type). */
    public enum Type {
        /** Field, homestead or forest boundaries (地界). */
        LAND_BOUNDARY,
        /** Between neighbours: drains, noise, access (邻里). */
        NEIGHBOUR,
        /** Marriage, support, inheritance (婚姻家庭). */
        FAMILY,
        /** Livestock damaged crops or property (the cattle on the mulched seedlings). */
        LIVESTOCK_DAMAGE,
        /** Buying and selling herbs: weights, prices, payment (药材交易). */
        TRADE_HERB_MARKET,
        /** Unpaid or underpaid wages. */
        WAGES,
        OTHER
    }

    /** How likely the dispute turns violent or into a mass incident; HIGH is taken up by the township at once. */
    public enum RiskLevel {
        LOW, MEDIUM, HIGH
    }
}
