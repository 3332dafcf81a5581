package org.tanchang.grid.petition.request;

/** Example problem bodies for the OpenAPI documents of the request endpoints. */
final class Docs {

    static final String PROBLEM = "application/problem+json";
    static final String VALIDATION = """
            {"type":"urn:tanchang-grid:problem:validation","title":"Validation failed","status":400,
             "detail":"2 fields are invalid","instance":"/api/service-requests","requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
             "errors":[{"field":"fields.childName","message":"is required for HR-BIRTH"},
                       {"field":"applicant.idNumber","message":"the check character of the identity number is wrong (mistyped digit?)"}]}""";
    static final String UNAUTHORIZED = """
            {"type":"urn:tanchang-grid:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"A valid bearer token from the auth server is required","instance":"/api/service-requests",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    static final String FORBIDDEN = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"Area 621223102001001 is outside your area of responsibility","instance":"/api/service-requests",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    static final String NOT_FOUND = """
            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
             "detail":"Request req-404 does not exist","instance":"/api/service-requests/req-404",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    static final String CONFLICT = """
            {"type":"urn:tanchang-grid:problem:conflict","title":"Conflict with the current state","status":409,
             "detail":"RequestState in state SUBMITTED does not allow 'accept'; allowed: [precheck, refer]",
             "instance":"/api/service-requests/req-1/accept","requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
             "state":"SUBMITTED","action":"accept","allowed":["precheck","refer"]}""";

    private Docs() {
    }
}
