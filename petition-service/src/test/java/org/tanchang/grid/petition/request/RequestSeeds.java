package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.workflow.VersionedWrites;
import org.tanchang.grid.platform.time.WorkCalendar;

/**
 * Requests written straight into the store in a given state, built by the service's own {@link Requests} and
 * {@link RequestStore}: one insert instead of up to six API calls. For fixtures whose way there is not what is
 * being tested (the access matrix, the from-state of a transition); the paths themselves are tested through the API.
 * Seeds publish nothing: their outbox is emptied, as no citizen submitted them.
 */
public final class RequestSeeds {

    private static final Caller CLERK = new Caller("clerk-lichuan", "理川镇窗口", Set.of("WINDOW_CLERK"),
            new AreaScope(List.of(TestUsers.LICHUAN)), "test", null);

    /** The client id of the Wuhai station's system, to which the seeded questions are addressed. */
    public static final String WUHAI_SYSTEM = "wuhai-system";

    private final Requests requests;
    private final RequestStore store;
    private final VersionedWrites writes;
    private final Catalogue catalogue;
    private final WorkCalendar calendar;
    private final Clock clock;

    public RequestSeeds(ApplicationContext context) {
        this.requests = context.getBean(Requests.class);
        this.store = context.getBean(RequestStore.class);
        this.writes = context.getBean(VersionedWrites.class);
        this.catalogue = context.getBean(Catalogue.class);
        this.calendar = context.getBean(WorkCalendar.class);
        this.clock = context.getBean(Clock.class);
    }

    /** An ID-APPLY request of {@code citizen} in 杨家村's grid in {@code state}, as its shortest path leaves it. */
    public Seed inState(String citizen, RequestState state) {
        return inState(citizen, state, state != RequestState.INCOMPLETE);
    }

    /** As {@link #inState(String, RequestState)}, with all materials handed in or only the first one. */
    public Seed inState(String citizen, RequestState state, boolean allMaterials) {
        Caller owner = new Caller(citizen, citizen, Set.of("CITIZEN"), null, "test", null);
        SubmitRequest input = new SubmitRequest("ID-APPLY", TestUsers.YANGJIA_GRID, null,
                new SubmitRequest.Applicant("杨建国", "110105194901020123", "13800138000"), Map.of("reason", "到期换领"),
                allMaterials ? RequestFixtures.ID_APPLY_MATERIALS : RequestFixtures.ID_APPLY_MATERIALS.subList(0, 1),
                "身份证到期", null, null);
        ServiceRequest r = requests.newRequest(owner, input, Channel.APP, catalogue.find("ID-APPLY").orElseThrow());
        r.outbox.clear();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (String action : RequestFixtures.pathTo(state)) {
            r.state = RequestWorkflow.TABLE.next(r.state, action);
            r.timeline.add(new ServiceRequest.TimelineEntry(r.state, action, CLERK.subject(), CLERK.name(), now, null));
            switch (action) {
                case "precheck" -> r.firstResponseAt = now;
                case "request-materials" -> r.missingMaterials = RequestFixtures.ID_APPLY_MATERIALS.subList(1, 3);
                case "complete" -> r.completedAt = now;
                case "refuse" -> {
                    r.completedAt = now;
                    r.refusalReason = "不符合条件";
                }
                default -> { }
            }
        }
        store.insert(r);
        return new Seed(r.id, r.number, null);
    }

    /** A SUBMITTED request taken at 理川镇's window for a resident without an account (杨建国, the usual ID). */
    public Seed atWindow() {
        SubmitRequest input = new SubmitRequest("ID-APPLY", TestUsers.YANGJIA_GRID, Channel.WINDOW,
                new SubmitRequest.Applicant("杨建国", "110105194901020123", "13800138000"), Map.of("reason", "到期换领"),
                RequestFixtures.ID_APPLY_MATERIALS, "身份证到期", null, null);
        ServiceRequest r = requests.newRequest(CLERK, input, Channel.WINDOW, catalogue.find("ID-APPLY").orElseThrow(),
                TestUsers.LICHUAN);
        r.outbox.clear();
        store.insert(r);
        return new Seed(r.id, r.number, null);
    }

    /** An ACCEPTED request of {@code citizen} waiting for the Wuhai station's answer. */
    public Seed waitingForAssistance(String citizen) {
        Seed accepted = inState(citizen, RequestState.ACCEPTED);
        ServiceRequest r = store.get(CLERK, accepted.id());
        VersionedWrites.Snapshot read = writes.read(r);
        Assistance a = new Assistance();
        a.id = "as-" + UUID.randomUUID().toString().substring(0, 8);
        a.agency = "乌海市公安局新华派出所";
        a.agencyClientId = WUHAI_SYSTEM;
        a.question = "请核实户籍";
        a.timeLimit = "5WD";
        a.state = Assistance.State.ASKED;
        a.askedBy = CLERK.subject();
        a.askedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        a.dueAt = TimeLimit.parse(a.timeLimit).dueFrom(a.askedAt, calendar);
        r.assistance.add(a);
        writes.write(r, read);
        return new Seed(r.id, r.number, a.id);
    }

    /** What a fixture needs of a seeded request. */
    public record Seed(String id, String number, String assistanceId) {
    }
}
