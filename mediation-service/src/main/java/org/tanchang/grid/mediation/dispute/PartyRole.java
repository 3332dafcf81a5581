package org.tanchang.grid.mediation.dispute;

/** A party's role in the mediation. */
public enum PartyRole {
    APPLICANT, RESPONDENT, THIRD_PARTY
}
