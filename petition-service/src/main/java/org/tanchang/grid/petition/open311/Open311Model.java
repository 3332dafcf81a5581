package org.tanchang.grid.petition.open311;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * The documents of Open311 GeoReport v2, field for field as the specification names them (hence the snake_case).
 * Every field is written, null ones too, as the specification lists them all. The XML names are the
 * specification's: root elements by {@link JsonRootName}, list entries by {@link JacksonXmlProperty} (lists are
 * unwrapped in XML unless a {@link JacksonXmlElementWrapper} names their element).
 */
final class Open311Model {

    private Open311Model() {
    }

    /**
     * A list document: a bare JSON array as the specification has it, and in XML its root element with one element
     * per entry ({@link Open311Xml} turns the {@link JsonValue} off for XML).
     */
    interface ListDocument<T> {
        @JsonValue
        List<T> entries();
    }

    @JsonRootName("services")
    record Services(@JacksonXmlProperty(localName = "service") List<Service> entries) implements ListDocument<Service> {
    }

    @JsonRootName("service_requests")
    record Requests(@JacksonXmlProperty(localName = "request") List<Request> entries) implements ListDocument<Request> {
    }

    /** The answer to a POST: {@code <service_requests><request>} too, with the created request's three fields. */
    @JsonRootName("service_requests")
    record CreatedRequests(@JacksonXmlProperty(localName = "request") List<Created> entries)
            implements ListDocument<Created> {
    }

    @JsonRootName("errors")
    record Errors(@JacksonXmlProperty(localName = "error") List<Error> entries) implements ListDocument<Error> {
    }

    /** An attribute's list values in XML, {@code <values><value>…}: see {@link Open311Xml}. */
    record Values(@JacksonXmlProperty(localName = "value") List<Value> entries) implements ListDocument<Value> {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Service", description = "A catalogue item as an Open311 service")
    record Service(@Schema(requiredMode = REQUIRED, example = "ID-APPLY") String service_code,
            @Schema(requiredMode = REQUIRED, example = "居民身份证申领、换领、补领") String service_name,
            @Schema(requiredMode = REQUIRED) String description,
            @Schema(requiredMode = REQUIRED,
                    description = "true: the service has attributes, see services/{service_code}") boolean metadata,
            @Schema(requiredMode = REQUIRED, description = "realtime: a request id is returned at once",
                    example = "realtime") String type,
            @Schema(requiredMode = REQUIRED, example = "ID card,居民身份证,ID_CARD") String keywords,
            @Schema(requiredMode = REQUIRED, example = "ID_CARD") String group) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonRootName("service_definition")
    @Schema(name = "Open311ServiceDefinition")
    record ServiceDefinition(@Schema(requiredMode = REQUIRED) String service_code,
            @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
            @Schema(requiredMode = REQUIRED) List<Attribute> attributes) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Attribute", description = "Answered as attribute[code] when a request is posted")
    record Attribute(@Schema(requiredMode = REQUIRED) boolean variable,
            @Schema(requiredMode = REQUIRED, example = "reason") String code,
            @Schema(requiredMode = REQUIRED,
                    description = "string, number, datetime, text, singlevaluelist or multivaluelist") String datatype,
            @Schema(requiredMode = REQUIRED) boolean required, String datatype_description,
            @Schema(requiredMode = REQUIRED) int order, @Schema(requiredMode = REQUIRED) String description,
            @Schema(description = "Only for the list datatypes") List<Value> values) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311AttributeValue")
    record Value(@Schema(requiredMode = REQUIRED) String key, @Schema(requiredMode = REQUIRED) String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Request", description = "A request as Open311 shows it; status open while the service is owed")
    record Request(
            @Schema(requiredMode = REQUIRED, example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01")
            String service_request_id,
            @Schema(requiredMode = REQUIRED, example = "open") String status, String status_notes,
            @Schema(requiredMode = REQUIRED) String service_name, @Schema(requiredMode = REQUIRED) String service_code,
            String description, String agency_responsible, @Schema(requiredMode = REQUIRED) String service_notice,
            @Schema(requiredMode = REQUIRED, example = "2026-11-29T10:15:00+08:00") String requested_datetime,
            @Schema(requiredMode = REQUIRED) String updated_datetime,
            String expected_datetime, @Schema(description = "Masked") String address, String address_id,
            String zipcode, Double lat, @JsonProperty("long") @Schema(name = "long") Double _long, String media_url) {
    }

    /**
     * The form of POST requests.{format} as the specification lists it, for the OpenAPI document only (the
     * controller reads the form as it comes, because attribute[code] keys vary by service).
     */
    @Schema(name = "Open311RequestForm", description = "application/x-www-form-urlencoded. Required: service_code "
            + "and a location (lat and long, or address_string, or the grid as attribute[gridCode]; the county has no "
            + "address repository for address_id). The grid is attribute[gridCode], else found from lat/long. "
            + "Further attribute[code] "
            + "fields (not listed here: they vary by service) answer the service definition.")
    record RequestForm(
            @Schema(requiredMode = REQUIRED, example = "ID-APPLY") String service_code,
            @Schema(description = "Accepted and ignored: this endpoint serves one jurisdiction") String jurisdiction_id,
            @Schema(description = "WGS 84; with long", example = "34.047") Double lat,
            @JsonProperty("long") @Schema(name = "long", description = "WGS 84; with lat", example = "104.393")
            Double _long,
            @Schema(example = "宕昌县理川镇杨家村二组15号") String address_string,
            @Schema(description = "Not resolvable here (no address repository): refused as the only location, "
                    + "ignored beside another") String address_id,
            @Schema(description = "Not stored") String email, @Schema(description = "Not stored") String device_id,
            @Schema(description = "Not stored") String account_id, @Schema(example = "建国") String first_name,
            @Schema(example = "杨") String last_name, @Schema(example = "13800138000") String phone,
            @Schema(example = "身份证到期换领") String description,
            @Schema(example = "https://example.org/photo.jpg") String media_url,
            @JsonProperty("attribute[gridCode]") @Schema(name = "attribute[gridCode]", description = "15-digit grid; "
                    + "optional when lat/long lie in a grid", example = "621223101001001") String gridCode,
            @JsonProperty("attribute[applicantIdNumber]") @Schema(name = "attribute[applicantIdNumber]",
                    requiredMode = REQUIRED, example = "110105194901020123") String idNumber) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Created")
    record Created(@Schema(requiredMode = REQUIRED) String service_request_id,
            @Schema(requiredMode = REQUIRED) String service_notice,
            @Schema(description = "Always null: the county keeps no Open311 accounts") String account_id) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Open311Error")
    record Error(@Schema(requiredMode = REQUIRED, example = "400") int code,
            @Schema(requiredMode = REQUIRED, example = "service_code: is required") String description) {
    }
}
