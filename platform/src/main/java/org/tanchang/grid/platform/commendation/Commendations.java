package org.tanchang.grid.platform.commendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Steps;

/**
 * What every service does the same way with a commendation: check it against the matter, protect the giver, make
 * the timeline remark, the event data and the masked view. A service whose matter runs on the workflow kernel calls
 * {@link #take} with {@code c -> outbox.event(MatterCommended.X, key, data(..))}; one with its own writes (found
 * items) calls {@link #create} and appends the same way, so it is one write either way.
 */
public class Commendations {

    /** The workflow action of a commendation in every table that has one. */
    public static final String ACTION = "commend";

    static final String GIVER_NAME = "commendation.giver.name";
    static final String GIVER_PHONE = "commendation.giver.phone";

    private final PersonalData personalData;

    public Commendations(PersonalData personalData) {
        this.personalData = personalData;
    }

    /**
     * The commendation to store, or a 400 problem (nothing written) when it names someone who did not handle the
     * matter ({@code handlers}: the matter's officer, mediators and everyone with a step on its timeline) or was
     * received after {@code at}'s county day.
     */
    public Commendation create(Caller caller, RecordCommendation request, Collection<String> handlers, Instant at) {
        List<FieldError> errors = new ArrayList<>();
        if (request.receivedOn().isAfter(Times.countyDate(Times.local(at)))) {
            errors.add(new FieldError("receivedOn", "must not be in the future"));
        }
        List<String> named = request.namedStaff().stream().map(String::strip).distinct().toList();
        for (String staff : named) {
            if (!handlers.contains(staff)) {
                errors.add(new FieldError("namedStaff", "'" + staff + "' did not handle this matter"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String phone = request.giverPhone() == null || request.giverPhone().isBlank() ? null : request.giverPhone();
        return new Commendation("commendation-" + UUID.randomUUID().toString().replace("-", ""), request.kind(),
                request.text().strip(), request.receivedOn(),
                personalData.protect(GIVER_NAME, request.giverName().strip(), Masker.NAME),
                personalData.protect(GIVER_PHONE, phone, Masker.MOBILE), named, caller.subject(), caller.name(), at);
    }

    /**
     * Takes the matter's {@value #ACTION} step (its table: roles, 409 in other states) with the commendation as its
     * effect: created against the matter's handlers (400, nothing written), appended to the matter with the event
     * {@code announce} makes, all in the step's one versioned write. Loading the matter in the caller's scope (404)
     * is the caller's part, as for every step.
     */
    public <A extends OutboxOwner & Commendable, S extends Enum<S>> Commendation take(Steps steps,
            Procedure<A, S> procedure, A matter, Caller caller, RecordCommendation request,
            Function<Commendation, OutboxEvent> announce) {
        List<Commendation> recorded = new ArrayList<>(1);
        steps.take(procedure, matter, caller, ACTION, remark(request), (m, step) -> {
            Commendation c = create(caller, request, m.handlers(), step.at());
            m.commendations().add(c);
            m.outbox().add(announce.apply(c));
            recorded.add(c);
        });
        return recorded.get(0);
    }

    /**
     * The timeline entry's remark: what it was and whom it thanks, never who gave it. From the request, as the step
     * (and its remark) is fixed before the table allows it and the commendation is made.
     */
    public static String remark(RecordCommendation request) {
        return request.kind() + " 「" + request.text().strip() + "」 → " + String.join(", ",
                request.namedStaff().stream().map(String::strip).distinct().toList());
    }

    /** The event's data: ids, codes and user names only. */
    public static MatterCommended data(String matterType, String matterId, String gridCode, Commendation c) {
        return new MatterCommended(matterType, matterId, c.id(), gridCode, c.kind().name(), c.namedStaff(),
                c.receivedOn(), c.recordedBy(), Times.local(c.recordedAt()));
    }

    public static CommendationView view(Commendation c) {
        return new CommendationView(c.id(), c.kind(), c.text(), c.receivedOn(), c.giverName().masked(),
                c.giverPhone() == null ? null : c.giverPhone().masked(), c.namedStaff(), c.recordedBy(),
                c.recordedByName(), Times.local(c.recordedAt()));
    }

    public static CommendationList list(String matterId, List<Commendation> commendations) {
        return new CommendationList(matterId, commendations == null ? List.of()
                : commendations.stream().filter(Objects::nonNull).map(Commendations::view).toList());
    }
}
