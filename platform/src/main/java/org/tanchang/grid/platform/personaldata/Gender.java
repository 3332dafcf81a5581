package org.tanchang.grid.platform.personaldata;

/** As encoded in a resident identity number: the 17th character (the sequence code's last digit) odd or even. */
public enum Gender {
    MALE, FEMALE
}
