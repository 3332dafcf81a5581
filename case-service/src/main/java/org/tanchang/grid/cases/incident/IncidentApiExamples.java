package org.tanchang.grid.cases.incident;


/** Problem and request examples shared by the incident controllers' OpenAPI annotations. */
final class IncidentApiExamples {

    static final String PROBLEM = "application/problem+json";
    static final String VALIDATION_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:validation","title":"Validation failed","status":400,
             "detail":"1 field is invalid","instance":"/api/incidents","requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
             "errors":[{"field":"reporter.idNumber",
                        "message":"the check character of the identity number is wrong (mistyped digit?)"}]}""";
    static final String FORBIDDEN_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"Area 621223101001001 is outside your area of responsibility","instance":"/api/incidents",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    static final String UNMASK_FORBIDDEN_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:forbidden","title":"Forbidden","status":403,
             "detail":"Your role may not see personal data without the mask",
             "instance":"/api/incidents/inc-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
             "detail":"Incident inc-404 does not exist","instance":"/api/incidents/inc-404",
             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""";
    static final String REPORT_EXAMPLE = """
            {"source":"WALK_IN","gridCode":"621223101001001",
             "description":"药材地里的当归被盗约200公斤，地边有三轮车车辙。",
             "location":{"longitude":104.3948,"latitude":34.0472},"reportedAt":"2026-11-29T09:40:00+08:00",
             "reporter":{"name":"李德明","idNumber":"110105194901020123","phone":"13800138000",
                         "address":"宕昌县理川镇杨家村三组12号"}}""";

    private IncidentApiExamples() {
    }
}
