package org.tanchang.grid.contracts.patrol;

/**
 * A party to a dispute as the grid member named it. Names only: ID numbers and phone numbers never travel in events
 * (the mediator records them in mediation-service, where they are stored encrypted).
 *
 * @param kind   a natural person or an organisation (a cooperative, a herb buyer's company)
 * @param role   the party's side in the mediation
 * @param name   the name as the member wrote it, non-blank, at most {@link #MAX_NAME} characters (personal data:
 *               consumers that display it mask it)
 * @param claims what the party claims, at most {@link #MAX_CLAIMS} characters; may be null
 * @param gridCode the 15-digit grid the party's household is in, when the member knows it is another grid than the
 *                 report's (the herder from the next village); null otherwise. The dispute then spans that grid too.
 */
public record FindingParty(Kind kind, Role role, String name, String claims, String gridCode) {

    /** A party without a grid of its own (schema v1 as first published). */
    public FindingParty(Kind kind, Role role, String name, String claims) {
        this(kind, role, name, claims, null);
    }

    public static final int MAX_NAME = 60;
    public static final int MAX_CLAIMS = 1000;

    public enum Kind {
        PERSON, ORGANISATION
    }

    public enum Role {
        APPLICANT, RESPONDENT, THIRD_PARTY
    }
}
