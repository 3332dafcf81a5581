package org.tanchang.grid.contracts;

/** How close a time limit is: YELLOW from 70% of it, RED at 100% (overdue). */
public enum DeadlineFlag {
    YELLOW,
    RED
}
