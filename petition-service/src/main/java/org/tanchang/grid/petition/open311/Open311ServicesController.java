package org.tanchang.grid.petition.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import org.tanchang.grid.platform.security.PublicEndpoint;

/** The catalogue as Open311 services: public, as the catalogue is. */
@RestController
@Tag(name = Open311Docs.TAG, description = "Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the "
        + "catalogue and the requests, for civic reports from other systems and apps: .json or .xml as the "
        + "specification defines, errors as its list of {code, description}")
class Open311ServicesController {

    private final Catalogue catalogue;

    Open311ServicesController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/open311/v2/services." + Open311Format.PATTERN)
    @PublicEndpoint
    @Parameter(name = "jurisdiction_id", in = ParameterIn.QUERY, description = Open311Docs.JURISDICTION,
            schema = @Schema(type = "string"))
    @Operation(operationId = "listOpen311Services", summary = "Open311: list services", description = "Every active catalogue item as a service: "
            + "service_code, service_name, description, metadata, type, keywords, group. Public; no token.")
    @ApiResponse(responseCode = "200", description = "The services", content = {
            @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = Open311Model.Service.class))),
            @Content(mediaType = "application/xml", examples = @ExampleObject(value = Open311Docs.SERVICES_XML))})
    ResponseEntity<Open311Model.Services> services(
            @Parameter(description = "json or xml", example = "json") @PathVariable String format) {
        return Open311Format.of(format).answer(HttpStatus.OK, new Open311Model.Services(catalogue.all().stream()
                .filter(CatalogueItem::active).map(Open311Services::service).toList()));
    }

    @GetMapping("/open311/v2/services/{service_code}." + Open311Format.PATTERN)
    @PublicEndpoint
    @Parameter(name = "jurisdiction_id", in = ParameterIn.QUERY, description = Open311Docs.JURISDICTION,
            schema = @Schema(type = "string"))
    @Operation(operationId = "getOpen311ServiceDefinition", summary = "Open311: service definition", description = "The attributes a request for this service "
            + "answers as attribute[code]: gridCode (unless lat/long lie in a known grid), applicantIdNumber and the "
            + "item's form fields, with variable, code, datatype, required, datatype_description, order, "
            + "description and values. Public; no token.")
    @ApiResponse(responseCode = "200", description = "The service definition", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Open311Model.ServiceDefinition.class)),
            @Content(mediaType = "application/xml", examples = @ExampleObject(value = "<service_definition>"
                    + "<service_code>ID-APPLY</service_code><attributes><attribute><variable>true</variable>"
                    + "<code>reason</code>…</attribute></attributes></service_definition>"))})
    @ApiResponse(responseCode = "404", description = "No such active service", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(
                    implementation = Open311Model.Error.class)), examples = @ExampleObject(value =
                    Open311Docs.UNKNOWN_JSON)),
            @Content(mediaType = "application/xml", examples = @ExampleObject(value = Open311Docs.UNKNOWN_XML))})
    ResponseEntity<Open311Model.ServiceDefinition> definition(@Parameter(example = "ID-APPLY") @PathVariable("service_code") String code,
            @Parameter(description = "json or xml", example = "json") @PathVariable String format) {
        CatalogueItem item = catalogue.find(code).filter(CatalogueItem::active).orElseThrow(() ->
                Open311Exception.unknownService(code));
        return Open311Format.of(format).answer(HttpStatus.OK, Open311Services.definition(item));
    }
}
