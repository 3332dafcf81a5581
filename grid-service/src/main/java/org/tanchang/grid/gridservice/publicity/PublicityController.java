package org.tanchang.grid.gridservice.publicity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.contracts.grid.PublicityHeld;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;

/** Publicity (宣讲): the talks and campaigns held in the grids. Simple records, so no separate service class. */
@RestController
@RequestMapping("/api/publicity-events")
@Tag(name = "Publicity", description = "Talks and campaigns (宣讲) such as anti-fraud sessions, with attendance")
class PublicityController {

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final Clock clock;

    PublicityController(MongoOperations mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "recordPublicityEvent",
            summary = "Record a talk or campaign", description = "Records a talk or campaign held in a grid of "
            + "the caller's area: topic, title, place, speaker, time, attendance and materials. Publishes "
            + "`PublicityHeld`; the talk and its attendance count in the statistics on the day it was held and in the "
            + "assessment of whoever recorded it.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @BadRequest("Invalid record; nothing was stored")
    ResponseEntity<PublicityView> record(Caller caller, @Valid @RequestBody RecordPublicity r) {
        Visibility.requireArea(caller, r.gridCode());
        String id = "pub-" + UUID.randomUUID();
        OutboxEvent held = outbox.event(PublicityHeld.TYPE, id, new PublicityHeld(id, r.gridCode(), r.topic().name(),
                FreeText.scrub(r.title()), r.heldAt(), r.attendance(), caller.subject()));
        PublicityEvent event = mongo.insert(new PublicityEvent(id, r.gridCode(), r.topic(), r.title(), r.place(),
                r.speaker(), r.heldAt().toInstant(), r.attendance(), r.materials() == null ? List.of() : r.materials(),
                caller.subject(), clock.instant(), new ArrayList<>(List.of(held))));
        return ResponseEntity.created(URI.create("/api/publicity-events/" + event.id())).body(PublicityView.of(event));
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listPublicityEvents",
            summary = "List talks and campaigns", description = "Those of the caller's area, newest first, "
            + "optionally under an area code or of one topic.")
    @ApiResponse(responseCode = "200", description = "A page of talks and campaigns")
    @BadRequest("Invalid filter or paging")
    Page<PublicityView> list(Caller caller,
            @Parameter(example = "\"621223101\"") @RequestParam(required = false)
            @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}") String areaCode,
            @Parameter(example = "ANTI_FRAUD") @RequestParam(required = false) Topic topic,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null)));
        if (areaCode != null) {
            conditions.add(Criteria.where("gridCode").regex("^" + areaCode));
        }
        if (topic != null) {
            conditions.add(Criteria.where("topic").is(topic));
        }
        return Page.query(mongo, Query.query(new Criteria().andOperator(conditions)), PublicityEvent.class,
                Sort.by(Sort.Order.desc("heldAt")), page, size, PublicityView::of);
    }
}
