package org.tanchang.grid.platform.audit;

/**
 * The usual action names. The action of an {@link AuditEntry} is open text so a service can name a domain step
 * precisely (for example {@code TRANSITION} with the object's new state in a later field), but these are the names
 * the supervisor query and the access reviews expect; prefer them.
 */
public final class AuditAction {

    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";
    public static final String TRANSITION = "TRANSITION";
    /** An explicit read of personal data without the mask (issue 3, item 4). */
    public static final String READ_UNMASKED = "READ_UNMASKED";

    private AuditAction() {
    }
}
