package org.tanchang.grid.mediation;

/**
 * Example bodies of the access problems every endpoint of this service can answer, for the OpenAPI document, in the
 * shape the platform writes them (the platform's {@code ProblemExamples} has none for 401 and 403).
 */
public final class AccessProblemExamples {

    public static final String UNAUTHORIZED = """
            {"type":"urn:tanchang-grid:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"A valid bearer token from the auth server is required","instance":"/api/disputes",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    public static final String FORBIDDEN = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This needs one of the roles [MEDIATOR, OFFICER, AUXILIARY_OFFICER, GRID_MEMBER, SUPERVISOR, ADMIN]",
             "instance":"/api/disputes","requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b",
             "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    private AccessProblemExamples() {
    }
}
