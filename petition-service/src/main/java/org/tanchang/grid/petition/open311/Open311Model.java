package org.tanchang.grid.petition.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The documents of Open311 GeoReport v2, field for field as the specification names them (hence the snake_case).
 * Every field is written, null ones too, as the specification lists them all.
 */
final class Open311Model {

    private Open311Model() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Service", description = "A catalogue item as an Open311 service")
    record Service(@Schema(example = "ID-APPLY") String service_code,
            @Schema(example = "居民身份证申领、换领、补领") String service_name,
            String description,
            @Schema(description = "true: the service has attributes, see services/{service_code}") boolean metadata,
            @Schema(description = "realtime: a request id is returned at once", example = "realtime") String type,
            @Schema(example = "ID card,居民身份证,ID_CARD") String keywords,
            @Schema(example = "ID_CARD") String group) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311ServiceDefinition")
    record ServiceDefinition(String service_code, List<Attribute> attributes) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Attribute", description = "Answered as attribute[code] when a request is posted")
    record Attribute(boolean variable, @Schema(example = "reason") String code,
            @Schema(description = "string, number, datetime, text, singlevaluelist or multivaluelist") String datatype,
            boolean required, String datatype_description, int order, String description, List<Value> values) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311AttributeValue")
    record Value(String key, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Request", description = "A request as Open311 shows it; status open while the service is owed")
    record Request(@Schema(example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") String service_request_id,
            @Schema(example = "open") String status, String status_notes, String service_name, String service_code,
            String description, String agency_responsible, String service_notice,
            @Schema(example = "2026-11-29T10:15:00+08:00") String requested_datetime, String updated_datetime,
            String expected_datetime, @Schema(description = "Masked") String address, String address_id,
            String zipcode, Double lat, @JsonProperty("long") @Schema(name = "long") Double _long, String media_url) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Created")
    record Created(String service_request_id, String service_notice, String account_id) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Error")
    record Error(@Schema(example = "400") int code, @Schema(example = "service_code: is required") String description) {
    }
}
