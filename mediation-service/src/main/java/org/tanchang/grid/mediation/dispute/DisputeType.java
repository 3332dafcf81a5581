package org.tanchang.grid.mediation.dispute;

/** What the dispute is about; statistics count disputes per type. */
public enum DisputeType {
    LAND_BOUNDARY, NEIGHBOUR, FAMILY, LIVESTOCK_DAMAGE, TRADE_HERB_MARKET, WAGES, OTHER
}
