package org.tanchang.grid.petition.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.petition.request.ProblemResponses.Invalid;
import org.tanchang.grid.petition.request.ProblemResponses.NotFound;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * The questions asked of other agencies (协查) as the answering side reads them: an agency's system sees only the
 * questions addressed to its client id, with the request's number and item but nothing of the applicant; the window
 * sees the questions of the requests it handles.
 */
@RestController
@Tag(name = "Service requests")
class AssistanceQuestionController {

    @Schema(name = "AssistanceQuestion", description = "A question asked of another agency, as that agency reads "
            + "it: the request's number and item, never the applicant")
    record Question(@Schema(example = "as-1a2b3c4d") String id, String requestId,
            @Schema(example = "621223-SQ-20261129-00001") String requestNumber, String itemCode, String itemName,
            @Schema(description = "The window that asks", example = "621223101") String windowCode,
            String agency, String agencyClientId, String question, String timeLimit,
            @Schema(example = "ASKED") String state, OffsetDateTime askedAt, OffsetDateTime dueAt,
            List<OffsetDateTime> reminders, String reply, boolean confirmed, OffsetDateTime repliedAt) {
    }

    private final MongoOperations mongo;
    private final Clock clock;

    AssistanceQuestionController(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping("/api/assistance-questions")
    @Allowed(value = {Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM}, scopes = Scopes.PETITION_READ)
    @Operation(operationId = "listAssistanceQuestions", summary = "List assistance questions", description = "An agency's system: the questions addressed "
            + "to it (its client id); staff: those of the requests their window handles. Newest first.")
    @ApiResponse(responseCode = "200", description = "A page of questions")
    @Invalid("Invalid filter or paging")
    Page<Question> list(Caller caller,
            @Parameter(example = "ASKED") @RequestParam(required = false) Assistance.State state,
            @Parameter(example = "621223-SQ-20261129-00001") @RequestParam(required = false) String requestNumber,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Criteria criteria = new Criteria().andOperator(scope(caller), Criteria.where("assistance.id").ne(null));
        if (requestNumber != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("number").is(requestNumber));
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt"));
        List<Question> all = mongo.find(query, ServiceRequest.class).stream()
                .flatMap(r -> questions(caller, r))
                .filter(q -> state == null || q.state().equals(state.name()))
                .sorted(Comparator.comparing(Question::askedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Question::id))
                .toList();
        int from = (int) Math.min((long) page * size, all.size());
        return new Page<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    @GetMapping("/api/assistance-questions/{assistanceId}")
    @Allowed(value = {Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN, Roles.SYSTEM}, scopes = Scopes.PETITION_READ)
    @Operation(operationId = "getAssistanceQuestion", summary = "Get an assistance question", description = "The question addressed to the calling "
            + "agency's system (404 for any other), or one of a request the caller's window handles.")
    @ApiResponse(responseCode = "200", description = "The question")
    @NotFound("No such question visible to the caller")
    Question get(Caller caller, @Parameter(example = "as-1a2b3c4d") @PathVariable String assistanceId) {
        Query query = Query.query(new Criteria().andOperator(scope(caller),
                Criteria.where("assistance.id").is(assistanceId)));
        return mongo.find(query, ServiceRequest.class).stream().flatMap(r -> questions(caller, r))
                .filter(q -> q.id().equals(assistanceId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Assistance", assistanceId));
    }

    /** A system: the requests that asked it something; staff: the requests they see. */
    private static Criteria scope(Caller caller) {
        return RequestStore.isOnlySystem(caller) ? Criteria.where("assistance.agencyClientId").is(caller.subject())
                : RequestStore.visibleTo(caller);
    }

    private Stream<Question> questions(Caller caller, ServiceRequest r) {
        boolean system = RequestStore.isOnlySystem(caller);
        Instant now = clock.instant();
        return r.assistance.stream().filter(a -> !system || caller.subject().equals(a.agencyClientId))
                .map(a -> {
                    RequestView.AssistanceView v = RequestView.assistance(a, now);
                    return new Question(a.id, r.id, r.number, r.itemCode, r.itemName, RequestStore.windowOf(r),
                            a.agency, a.agencyClientId, a.question, a.timeLimit, v.state(), v.askedAt(), v.dueAt(),
                            v.reminders(), v.reply(), v.confirmed(), v.repliedAt());
                });
    }
}
