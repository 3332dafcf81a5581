package org.tanchang.grid.platform.web;

/** Example problem bodies for OpenAPI documents, in the shape {@code ProblemHandler} produces. */
public final class ProblemExamples {

    public static final String VALIDATION = """
            {"type":"urn:tanchang-grid:problem:validation","title":"Validation failed","status":400,
             "detail":"1 field is invalid","instance":"/api/patrol-reports","requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b",
             "traceId":"4bf92f3577b34da6a3ce929d0e0e4736","errors":[{"field":"gridCode","message":"must be a 15-digit grid code"}]}
            """;

    public static final String MALFORMED = """
            {"type":"urn:tanchang-grid:problem:malformed-request","title":"Malformed request","status":400,
             "detail":"Unknown field 'admin'","instance":"/api/patrol-reports","requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b",
             "traceId":"4bf92f3577b34da6a3ce929d0e0e4736","errors":[{"field":"admin","message":"is not a field of this request"}]}
            """;

    public static final String NOT_FOUND = """
            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
             "detail":"Dispute patrol-pr-0000-9 does not exist","instance":"/api/disputes/patrol-pr-0000-9",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    public static final String CONFLICT = """
            {"type":"urn:tanchang-grid:problem:conflict","title":"Conflict with the current state","status":409,
             "detail":"Incident cannot be closed while it is REPORTED","instance":"/api/incidents/i-1/close",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    public static final String UNAUTHORIZED = """
            {"type":"urn:tanchang-grid:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"A valid bearer token from the auth server is required","instance":"/api/disputes",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """;

    private ProblemExamples() {
    }
}
