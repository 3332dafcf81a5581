package org.tanchang.grid.gridservice.sentiment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.gridservice.ProblemResponses.BadRequest;
import org.tanchang.grid.gridservice.ProblemResponses.NotFound;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Risk;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Source;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Topic;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;

/** Public sentiment (社情民意联察): what people in a grid are worried or angry about, before it becomes a case. */
@RestController
@RequestMapping("/api/sentiments")
@Tag(name = "Sentiments", description = "Public sentiment (社情民意) heard on patrol, at the window, on visits")
class SentimentController {

    private final Sentiments sentiments;

    SentimentController(Sentiments sentiments) {
        this.sentiments = sentiments;
    }

    @PostMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR})
    @Operation(operationId = "recordSentiment", summary = "Record public sentiment",
            description = "Records what people in a grid of the caller's area are concerned about: topic, how many "
                    + "people, their mood, the risk as the recorder judges it, a summary (identity numbers and mobiles "
                    + "are masked) and where it was heard. The recorder is the caller. Publishes `SentimentRecorded`; "
                    + "a HIGH risk raises a risk warning for the grid's supervisors. SENTIMENT findings of patrol "
                    + "reports are recorded by themselves (source PATROL_FINDING).")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @BadRequest("Invalid record; nothing was stored")
    ResponseEntity<SentimentView> record(Caller caller, @Valid @RequestBody RecordSentiment body) {
        Sentiment s = sentiments.record(caller, body);
        return ResponseEntity.created(URI.create("/api/sentiments/" + s.id())).body(SentimentView.of(s));
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "listSentiments", summary = "List public sentiment",
            description = "That of the caller's area, newest first, optionally under an area code (village, "
                    + "township) and of one topic, risk or source.")
    @ApiResponse(responseCode = "200", description = "A page of sentiment records")
    @BadRequest("Invalid filter or paging")
    Page<SentimentView> list(Caller caller,
            @Parameter(example = "\"621223101\"") @RequestParam(required = false)
            @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}") String areaCode,
            @Parameter(example = "HERB_TRADE") @RequestParam(required = false) Topic topic,
            @Parameter(example = "HIGH") @RequestParam(required = false) Risk risk,
            @Parameter(example = "PATROL_FINDING") @RequestParam(required = false) Source source,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return sentiments.list(caller, areaCode, topic, risk, source, page, size);
    }

    @GetMapping("/{id}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR,
            Roles.ADMIN})
    @Operation(operationId = "getSentiment", summary = "Get a sentiment record",
            description = "One record of a grid in the caller's area.")
    @ApiResponse(responseCode = "200", description = "The record")
    @NotFound("No such record in the caller's area")
    SentimentView get(Caller caller, @PathVariable String id) {
        return SentimentView.of(sentiments.get(caller, id));
    }
}
