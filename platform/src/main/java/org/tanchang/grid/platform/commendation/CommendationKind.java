package org.tanchang.grid.platform.commendation;

/** What the citizen brought: a banner (锦旗), a letter (感谢信), or anything else (a call, a message, a visit). */
public enum CommendationKind {
    BANNER, LETTER, OTHER
}
