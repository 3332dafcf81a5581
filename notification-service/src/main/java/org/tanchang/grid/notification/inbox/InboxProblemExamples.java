package org.tanchang.grid.notification.inbox;

/**
 * Example bodies of the problems the inbox answers, for the OpenAPI document, in the shape the platform writes them
 * (the platform's {@code ProblemExamples} has none for 401 and 403).
 */
public final class InboxProblemExamples {

    public static final String UNAUTHORIZED = """
            {"type":"urn:tanchang-grid:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"A valid bearer token from the auth server is required","instance":"/api/notifications",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    public static final String FORBIDDEN = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This needs one of the roles [OFFICER, AUXILIARY_OFFICER, GRID_MEMBER, MEDIATOR, WINDOW_CLERK, \
            SUPERVISOR, ADMIN, CITIZEN, SYSTEM]","instance":"/api/notifications",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    /** Someone else's notification looks exactly like a missing one. */
    public static final String NOT_FOUND = """
            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
             "detail":"Notification 7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX does not exist",
             "instance":"/api/notifications/7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    /** An endpoint for county-wide operators, called with a smaller area. */
    public static final String COUNTY_ONLY = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"Deliveries are operated county-wide only","instance":"/api/notifications/deliveries",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    private InboxProblemExamples() {
    }
}
