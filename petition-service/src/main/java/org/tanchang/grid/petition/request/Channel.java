package org.tanchang.grid.petition.request;

/** How a request reached the one window. */
public enum Channel {
    WINDOW, APP, HOTLINE, OTHER_SYSTEM
}
