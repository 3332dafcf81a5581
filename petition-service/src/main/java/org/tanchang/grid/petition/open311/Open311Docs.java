package org.tanchang.grid.petition.open311;

/** Example documents of the facade for its OpenAPI description. */
final class Open311Docs {

    static final String TAG = "Open311 GeoReport v2";
    static final String ERRORS_JSON = "[{\"code\":400,\"description\":\"service_code: is required\"}]";
    static final String ERRORS_XML = "<errors><error><code>400</code><description>service_code: is required"
            + "</description></error></errors>";
    static final String UNKNOWN_JSON = "[{\"code\":404,\"description\":\"service_code XX-NONE is not an active "
            + "service\"}]";
    static final String UNKNOWN_XML = "<errors><error><code>404</code><description>service_code XX-NONE is not an "
            + "active service</description></error></errors>";
    static final String SERVICES_XML = "<services><service><service_code>ID-APPLY</service_code><service_name>"
            + "居民身份证申领、换领、补领</service_name><description>…</description><metadata>true</metadata><type>realtime"
            + "</type><keywords>ID card,居民身份证,ID_CARD</keywords><group>ID_CARD</group></service></services>";
    static final String REQUESTS_XML = "<service_requests><request><service_request_id>req-3f0c2a9e</service_request_id>"
            + "<status>open</status>…</request></service_requests>";
    static final String CREATED_JSON = "[{\"service_request_id\":\"req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01\","
            + "\"service_notice\":\"办件编号 621223-SQ-20261129-00001，承诺时限 PT5M\",\"account_id\":null}]";
    static final String BEARER = " Requests need the bearer token of the suite's auth server (Authorization: Bearer "
            + "…) in place of the specification's api_key; an api_key parameter is ignored.";

    static final String JURISDICTION = "Accepted and ignored: this endpoint serves one jurisdiction, Tanchang County "
            + "(621223)";

    private Open311Docs() {
    }
}
