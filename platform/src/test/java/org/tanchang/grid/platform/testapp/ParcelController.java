package org.tanchang.grid.platform.testapp;

import org.springframework.data.mongodb.core.query.Criteria;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.personaldata.Masking;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.security.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.problem.ProblemException;

@RestController
class ParcelController {

    record RegisterParcel(@NotBlank String owner, @Positive @Max(30_000) int weightGrams, java.time.LocalDate deliverBy,
            @jakarta.validation.constraints.Pattern(regexp = "\\d{15}") String gridCode,
            @io.swagger.v3.oas.annotations.media.Schema(ref = org.tanchang.grid.platform.web.OpenApiSchemas.POINT_REF)
            tools.jackson.databind.JsonNode dropOff) {
    }

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Disclosure disclosure;

    ParcelController(MongoOperations mongo, Outbox outbox, Disclosure disclosure) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.disclosure = disclosure;
    }

    @PostMapping("/api/parcels")
    @Operation(summary = "Register a parcel")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Registered",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location"))
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(value = {Roles.OFFICER, Roles.GRID_MEMBER, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.GRID_WRITE)
    Map<String, Object> register(Caller caller, @Valid @RequestBody RegisterParcel request,
            jakarta.servlet.http.HttpServletResponse response) {
        String gridCode = request.gridCode() == null ? "621223101001001" : request.gridCode();
        if (!caller.isOnlyCitizen()) {
            Visibility.requireArea(caller, gridCode);
        }
        Parcel parcel = new Parcel();
        parcel.gridCode = gridCode;
        parcel.submittedBy = caller.subject();
        parcel.id = UUID.randomUUID().toString();
        parcel.owner = request.owner();
        parcel.weightGrams = request.weightGrams();
        parcel.deliverBy = request.deliverBy();
        parcel.outbox.add(outbox.event(Parcel.REGISTERED, parcel.id, new Parcel.Registered(parcel.id, parcel.owner)));
        mongo.insert(parcel);
        response.setHeader("Location", "/api/parcels/" + parcel.id);
        return Map.of("id", parcel.id);
    }

    @GetMapping("/api/parcels")
    @Operation(summary = "List the parcels the caller may see")
    @Allowed(value = {Roles.OFFICER, Roles.GRID_MEMBER, Roles.CITIZEN, Roles.SUPERVISOR, Roles.SYSTEM},
            scopes = Scopes.GRID_READ)
    Map<String, Object> count(Caller caller, @org.springframework.web.bind.annotation.RequestParam int minWeight) {
        var query = org.springframework.data.mongodb.core.query.Query.query(new Criteria().andOperator(
                Criteria.where("weightGrams").gte(minWeight), Visibility.criteria(caller, "gridCode", "submittedBy")));
        return Map.of("count", mongo.count(query, Parcel.class),
                "ids", mongo.find(query, Parcel.class).stream().map(p -> p.id).toList());
    }

    @GetMapping("/api/parcels/{id}")
    @Operation(summary = "One parcel")
    @Allowed({Roles.OFFICER, Roles.GRID_MEMBER, Roles.CITIZEN, Roles.SUPERVISOR})
    Map<String, Object> get(Caller caller, @PathVariable String id,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean unmask) {
        Parcel parcel = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(new Criteria()
                .andOperator(Criteria.where("_id").is(id), Visibility.criteria(caller, "gridCode", "submittedBy"))),
                Parcel.class);
        if (parcel == null) {
            throw ProblemException.notFound("Parcel", id);
        }
        boolean plain = disclosure.unmask(caller, unmask, "parcels", parcel.id);
        return Map.of("id", parcel.id, "owner", plain ? parcel.owner : Masking.name(parcel.owner));
    }

    @PostMapping("/api/parcels/{id}/deliver")
    @Operation(summary = "Mark a parcel delivered")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Delivered")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Delivered already",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(
                            implementation = org.springframework.http.ProblemDetail.class)))
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed({Roles.OFFICER, Roles.SYSTEM})    // systems named but no scope: refused to every system
    void deliver(Caller caller, @PathVariable String id) {
        var visible = org.springframework.data.mongodb.core.query.Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(id), Visibility.criteria(caller, "gridCode", "submittedBy")));
        Parcel parcel = mongo.findOne(visible, Parcel.class);
        if (parcel == null) {
            throw ProblemException.notFound("Parcel", id);
        }
        if (parcel.delivered) {
            throw ProblemException.conflict("Parcel " + id + " cannot be delivered: it is DELIVERED already",
                    Map.of("state", "DELIVERED", "allowed", java.util.List.of()));
        }
        mongo.updateFirst(visible, new org.springframework.data.mongodb.core.query.Update().set("delivered", true),
                Parcel.class);
    }
}
