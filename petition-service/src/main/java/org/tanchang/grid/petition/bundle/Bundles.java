package org.tanchang.grid.petition.bundle;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.petition.BundleTaskCompleted;
import org.tanchang.grid.contracts.petition.BundleTaskRequested;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import org.tanchang.grid.petition.catalogue.FormField;
import org.tanchang.grid.petition.request.RequestNumbers;
import org.tanchang.grid.petition.request.Windows;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.time.WorkCalendar;

/**
 * Bundle applications: one form checked once, every item's fields derived from it; acceptance fans out one
 * BundleTaskRequested per item in the same write; task outcomes (consumed from BundleTaskCompleted) complete the
 * bundle when all are DONE or fail it naming the task. Bundle state changes publish RequestStateChanged with the
 * bundle code as item code (the contracts have no bundle-level event).
 */
@Service
class Bundles {

    private final MongoOperations mongo;
    private final BundleDefinitions definitions;
    private final Catalogue catalogue;
    private final RequestNumbers numbers;
    private final Outbox outbox;
    private final IdempotentWrites writes;
    private final WorkCalendar calendar;
    private final Clock clock;

    Bundles(MongoOperations mongo, BundleDefinitions definitions, Catalogue catalogue, RequestNumbers numbers,
            Outbox outbox, IdempotentWrites writes, WorkCalendar calendar, Clock clock) {
        this.writes = writes;
        this.calendar = calendar;
        this.mongo = mongo;
        this.definitions = definitions;
        this.catalogue = catalogue;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    BundleRequest submit(Caller caller, BundleController.SubmitBundle input) {
        String window = Windows.take(caller, input.gridCode());
        BundleDefinition bundle = definitions.find(input.bundleCode()).orElseThrow(() -> ProblemException.invalid(
                List.of(new FieldError("bundleCode", "is not a bundle of the catalogue"))));
        List<String> broken = definitions.problems(bundle);
        if (!broken.isEmpty()) {
            throw ProblemException.unprocessable("bundle-unavailable", "Bundle unavailable", String.join("; ", broken));
        }
        Map<String, String> answers = input.answers() == null ? Map.of() : input.answers();
        List<FieldError> errors = new ArrayList<>(check(bundle.formFields(), answers));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BundleRequest b = new BundleRequest();
        b.id = "bun-" + UUID.randomUUID();
        for (BundleDefinition.BundleItem item : bundle.items()) {
            CatalogueItem catalogueItem = catalogue.find(item.itemCode()).orElseThrow();
            Map<String, String> fields = BundleDefinition.fieldsFor(item, answers);
            // a bundle whose mapping leaves an item's required field empty is a definition bug, named per item
            catalogueItem.check(fields, "answers(" + item.itemCode() + ")").stream()
                    .filter(e -> errors.stream().noneMatch(x -> x.field().equals(e.field()))).forEach(errors::add);
            BundleRequest.Task task = new BundleRequest.Task();
            task.taskId = b.id + "-" + (b.tasks.size() + 1);
            task.itemCode = item.itemCode();
            task.responsibleUnit = catalogueItem.responsibleUnit();
            task.completionLimit = catalogueItem.completionLimit().toString();
            task.fields.putAll(fields);
            b.tasks.add(task);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        b.number = numbers.next("YJS", now);
        b.bundleCode = bundle.code();
        b.bundleName = bundle.nameZh();
        b.citizenId = caller.roles().contains(Roles.CITIZEN) ? caller.subject() : null;
        b.gridCode = input.gridCode();
        b.windowCode = window;
        b.answers.putAll(answers);
        b.state = BundleRequest.State.SUBMITTED;
        b.submittedAt = now;
        b.timeline.add(new BundleRequest.TimelineEntry(b.state, "submit", caller.subject(), now, null));
        b.outbox.add(stateChanged(b, null, b.state, caller.subject(), now, null));
        mongo.insert(b);
        return b;
    }

    BundleRequest get(Caller caller, String id) {
        BundleRequest b = mongo.findOne(Query.query(Windows.byId(id, Windows.visibleTo(caller))),
                BundleRequest.class);
        if (b == null) {
            throw ProblemException.notFound("Bundle request", id);
        }
        return b;
    }

    /**
     * One acceptance: the state, each task's promised time and one task event per item in one write; then the
     * tasks themselves, before the answer, so every task the answer lists can be read and completed at once (the
     * events create them as well if the service stops in between; a task's id makes the second write a no-op).
     */
    BundleRequest accept(Caller caller, String id) {
        BundleRequest b = get(caller, id);
        if (!caller.isOnlyCitizen() && !Windows.handles(caller, b.windowCode, b.gridCode)) {
            throw ProblemException.forbidden("Bundle " + b.number + " is handled by the window of " + b.windowCode
                    + "; the applicant's home area reads it only");
        }
        BundleRequest.State to = BundleWorkflow.TABLE.next(b.state, "accept");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (BundleRequest.Task task : b.tasks) {
            task.promisedBy = catalogue.find(task.itemCode).map(i -> i.completionLimit().dueFrom(now, calendar))
                    .orElse(null);
        }
        List<OutboxEvent> events = new ArrayList<>();
        events.add(stateChanged(b, b.state, to, caller.subject(), now, null));
        for (BundleRequest.Task task : b.tasks) {
            events.add(outbox.event(BundleTaskRequested.TYPE, b.id, new BundleTaskRequested(b.id, task.taskId,
                    task.itemCode, Map.copyOf(task.fields))));
        }
        Update update = new Update().set("state", to).set("acceptedAt", now).set("tasks", b.tasks)
                .inc("version", 1).push("timeline", new BundleRequest.TimelineEntry(to, "accept", caller.subject(), now,
                        null))
                .push("outbox").each(events.toArray());
        BundleRequest accepted = mongo.findAndModify(Query.query(Criteria.where("_id").is(b.id).and("version")
                .is(b.version)), update, FindAndModifyOptions.options().returnNew(true), BundleRequest.class);
        if (accepted == null) {
            throw ProblemException.conflict("Bundle request changed meanwhile; reload it", Map.of());
        }
        for (BundleRequest.Task task : accepted.tasks) {
            writes.insertOnce(BundleTask.of(accepted, task, itemName(task.itemCode), now));
        }
        return accepted;
    }

    String itemName(String itemCode) {
        return catalogue.find(itemCode).map(CatalogueItem::nameZh).orElse(itemCode);
    }

    /**
     * Applies a task's outcome once: a task that already has one ignores the repeat. Completes the bundle when all
     * tasks are DONE, fails it at the first FAILED task. Saved on the version read, so a concurrent change retries.
     */
    boolean applyOutcome(BundleTaskCompleted event) {
        BundleRequest b = mongo.findById(event.bundleRequestId(), BundleRequest.class);
        if (b == null) {
            return false;
        }
        BundleRequest.Task task = b.tasks.stream().filter(t -> t.taskId.equals(event.taskId())).findFirst()
                .orElse(null);
        if (task == null || task.outcome != null) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        task.outcome = event.outcome();
        task.reason = event.reason();
        task.completedAt = event.at() == null ? now : event.at().toInstant();
        Update update = new Update().set("tasks", b.tasks).inc("version", 1);
        List<OutboxEvent> events = new ArrayList<>();
        String action = "FAILED".equals(event.outcome()) ? "task-failed"
                : b.tasks.stream().allMatch(t -> "DONE".equals(t.outcome)) ? "all-tasks-done" : null;
        if (action != null && BundleWorkflow.TABLE.allows(b.state, action)) {
            BundleRequest.State to = BundleWorkflow.TABLE.next(b.state, action);
            String reason = action.equals("task-failed") ? task.itemCode + ": " + event.reason() : null;
            update.set("state", to).set("completedAt", now).push("timeline",
                    new BundleRequest.TimelineEntry(to, action, "system", now, reason));
            if (action.equals("task-failed")) {
                update.set("failedTaskId", task.taskId);
            }
            events.add(stateChanged(b, b.state, to, "system", now, reason));
        }
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        long matched = mongo.updateFirst(Query.query(Criteria.where("_id").is(b.id).and("version").is(b.version)),
                update, BundleRequest.class).getMatchedCount();
        if (matched == 0) {
            throw new IllegalStateException("bundle " + b.id + " changed meanwhile; the delivery is retried");
        }
        return true;
    }

    private OutboxEvent stateChanged(BundleRequest b, BundleRequest.State from, BundleRequest.State to, String actor,
            Instant now, String reason) {
        return outbox.event(RequestStateChanged.TYPE, b.id, new RequestStateChanged(b.id, b.number, b.bundleCode,
                b.citizenId, station(b), from == null ? null : from.name(), to.name(), actor,
                Times.local(now), FreeText.scrub(reason), null));
    }

    /** The handling window's township, which events name (the home township for bundles from before). */
    private static String station(BundleRequest b) {
        String window = b.windowCode != null ? b.windowCode : b.gridCode;
        return window.length() > 9 ? window.substring(0, 9) : window;
    }

    private static List<FieldError> check(List<FormField> form, Map<String, String> answers) {
        List<FieldError> errors = new ArrayList<>();
        for (FormField f : form) {
            String a = answers.get(f.name());
            if (a == null || a.isBlank()) {
                if (f.required()) {
                    errors.add(new FieldError("answers." + f.name(), "is required"));
                }
            } else if (!f.type().accepts(a)) {
                errors.add(new FieldError("answers." + f.name(), "must be a valid " + f.type()));
            }
        }
        answers.keySet().stream().filter(n -> form.stream().noneMatch(f -> f.name().equals(n))).sorted()
                .forEach(n -> errors.add(new FieldError("answers." + n, "is not a field of this bundle")));
        return errors;
    }
}
