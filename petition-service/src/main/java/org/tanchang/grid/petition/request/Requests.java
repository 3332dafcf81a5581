package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.petition.RequestSubmitted;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.time.WorkCalendar;

/** Takes in requests: checks everything first, then stores the request and RequestSubmitted in one insert. */
@Service
public class Requests {

    private final Catalogue catalogue;
    private final RequestStore store;
    private final RequestNumbers numbers;
    private final Applicants applicants;
    private final Outbox outbox;
    private final WorkCalendar calendar;
    private final Clock clock;

    Requests(Catalogue catalogue, RequestStore store, RequestNumbers numbers, Applicants applicants, Outbox outbox,
            WorkCalendar calendar, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.numbers = numbers;
        this.applicants = applicants;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    ServiceRequest submit(Caller caller, SubmitRequest input) {
        String window = Windows.take(caller, input.gridCode());
        Channel channel = channelOf(caller, input.channel());
        CatalogueItem item = catalogue.find(input.itemCode()).filter(CatalogueItem::active).orElse(null);
        List<FieldError> errors = new ArrayList<>();
        if (channel == null) {
            errors.add(new FieldError("channel", "staff submit from the WINDOW or the HOTLINE"));
        }
        if (input.citizenAccount() != null && (channel != Channel.WINDOW && channel != Channel.HOTLINE)) {
            errors.add(new FieldError("citizenAccount", "only the window or the hotline names a citizen's account; "
                    + "a citizen applies as themselves"));
        }
        if (item == null) {
            errors.add(new FieldError("itemCode", "is not an active item of the catalogue"));
        } else {
            if (channel == Channel.APP && !item.online()) {
                errors.add(new FieldError("itemCode", "cannot be applied for online; please come to the window"));
            }
            errors.addAll(item.check(input.fields(), "fields"));
            List<String> given = input.materials() == null ? List.of() : input.materials();
            given.stream().filter(m -> !item.requiredMaterials().contains(m)).forEach(m ->
                    errors.add(new FieldError("materials", "'" + m + "' is not a material of " + item.code())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ServiceRequest request = newRequest(caller, input, channel, item, window);
        store.insert(request);
        return request;
    }

    /** The new request and its RequestSubmitted event, not yet stored (the test fixtures seed from it too). */
    ServiceRequest newRequest(Caller caller, SubmitRequest input, Channel channel, CatalogueItem item) {
        return newRequest(caller, input, channel, item, input.gridCode().substring(0, 9));
    }

    /** As above, taken by the window of {@code window}. */
    ServiceRequest newRequest(Caller caller, SubmitRequest input, Channel channel, CatalogueItem item,
            String window) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceRequest r = new ServiceRequest();
        r.id = "req-" + UUID.randomUUID();
        r.number = numbers.next("SQ", now);
        r.itemCode = item.code();
        r.itemName = item.nameZh();
        r.responsibleUnit = item.responsibleUnit();
        r.channel = channel;
        r.citizenId = caller.roles().contains(Roles.CITIZEN) ? caller.subject() : input.citizenAccount();
        r.systemClientId = RequestStore.isOnlySystem(caller) ? caller.subject() : null;
        r.windowCode = window;
        r.gridCode = input.gridCode();
        r.stationCode = input.gridCode().substring(0, 9);
        r.applicant = applicants.protect(input.applicant());
        r.location = applicants.protect(input.location());
        if (input.fields() != null) {
            r.fields.putAll(input.fields());
        }
        if (input.materials() != null) {
            input.materials().stream().distinct().forEach(r.materials::add);
        }
        r.missingMaterials.addAll(item.missing(r.materials));
        r.state = RequestState.SUBMITTED;
        r.firstResponseLimit = item.firstResponseLimit().toString();
        r.completionLimit = item.completionLimit().toString();
        r.submittedAt = now;
        r.firstResponseDueAt = item.firstResponseLimit().dueFrom(now, calendar);
        r.completionDueAt = item.completionLimit().dueFrom(now, calendar);
        r.firstResponseYellowAt = TimeLimit.yellowAt(now, r.firstResponseDueAt);
        r.completionYellowAt = TimeLimit.yellowAt(now, r.completionDueAt);
        r.timeline.add(new ServiceRequest.TimelineEntry(RequestState.SUBMITTED, "submit", caller.subject(),
                caller.name(), now, input.description()));
        r.outbox.add(outbox.event(RequestSubmitted.TYPE, r.id, new RequestSubmitted(r.id, r.number, r.itemCode,
                r.itemName, channel.name(), r.citizenId, r.gridCode, RequestStore.stationOf(r), Times.local(now),
                Times.local(r.completionDueAt))));
        return r;
    }

    /** Citizens apply from the app, other systems as OTHER_SYSTEM; staff at the window or on the hotline. */
    private static Channel channelOf(Caller caller, Channel asked) {
        if (caller.isOnlyCitizen()) {
            return Channel.APP;
        }
        if (caller.roles().contains(Roles.SYSTEM)) {
            return Channel.OTHER_SYSTEM;
        }
        Channel channel = asked == null ? Channel.WINDOW : asked;
        return channel == Channel.WINDOW || channel == Channel.HOTLINE ? channel : null;
    }
}
