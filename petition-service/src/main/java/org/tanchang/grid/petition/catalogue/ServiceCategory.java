package org.tanchang.grid.petition.catalogue;

/** The kinds of business the one-window service centre handles. */
public enum ServiceCategory {
    /** 户籍: birth, transfer, restoration of a household registration. */
    HOUSEHOLD_REGISTRATION,
    /** 居民身份证. */
    ID_CARD,
    /** 居住证. */
    RESIDENCE_PERMIT,
    /** 出入境: passports and permits, for now enquiries. */
    EXIT_ENTRY,
    /** 治安许可: permits of the public-order administration, such as seal engraving. */
    PUBLIC_ORDER_PERMIT,
    /** 交通违法处理. */
    TRAFFIC_VIOLATION,
    /** 车驾管: vehicles and drivers. */
    VEHICLE_AND_DRIVER,
    /** Items of other departments joined at the window for "one thing" bundles, such as a newborn's medical insurance. */
    OTHER_DEPARTMENT
}
