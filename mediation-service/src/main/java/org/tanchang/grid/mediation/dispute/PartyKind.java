package org.tanchang.grid.mediation.dispute;

/** A natural person or an organisation (a cooperative, a herb buyer's company). */
public enum PartyKind {
    PERSON, ORGANISATION
}
