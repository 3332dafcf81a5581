package org.tanchang.grid.gridservice.statistics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.contracts.grid.PublicityHeld;
import org.tanchang.grid.contracts.grid.RiskWarningRaised;
import org.tanchang.grid.contracts.grid.SentimentRecorded;
import org.tanchang.grid.contracts.hazard.HazardEscalated;
import org.tanchang.grid.contracts.hazard.HazardOpened;
import org.tanchang.grid.contracts.hazard.HazardOverdue;
import org.tanchang.grid.contracts.hazard.HazardStateChanged;
import org.tanchang.grid.contracts.incident.IncidentOpened;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.mediation.DisputeStateChanged;
import org.tanchang.grid.contracts.mediation.FollowUpVisitCompleted;
import org.tanchang.grid.contracts.patrol.CheckpointMissed;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.petition.RequestDeadlineBreached;
import org.tanchang.grid.contracts.petition.RequestRated;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.contracts.petition.RequestSubmitted;
import org.tanchang.grid.platform.consume.EventReader;
import org.tanchang.grid.platform.time.Times;

/**
 * Turns one event of any service into counter increments of a grid's day (and, where a person acted, of that
 * member's day). Everything is derived from the event alone (its own times, or the record's timestamp when it has
 * none), so replaying the topics into empty collections gives the same figures as the live run.
 *
 * <p>The day rule (README, "Statistics"): every count lands on the county-time day of the fact it counts, never on
 * the day a service processed it. A patrol and its findings count on the day the patrol ended; a matter opened from
 * another fact (a dispute or incident from a patrol finding, an incident from a call) counts as opened on the day of
 * that fact ({@code DisputeOpened.originatedAt}, {@code IncidentOpened.reportedAt}); each later step (accepted,
 * resolved, closed, archived, rated, a visit made) is a fact of its own and counts on the day it happened.
 */
@Component
class StatisticsProjector {

    private final EventReader reader;
    private final StatisticsWriter writer;
    private final MongoOperations mongo;
    private final OutcomeProperties outcomes;

    StatisticsProjector(EventReader reader, StatisticsWriter writer, MongoOperations mongo,
            OutcomeProperties outcomes) {
        this.reader = reader;
        this.writer = writer;
        this.mongo = mongo;
        this.outcomes = outcomes;
    }

    void apply(ConsumerRecord<String, String> record, StatisticsStore store) {
        Instant fallback = Instant.ofEpochMilli(record.timestamp());
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(e -> patrol(store, e.eventId(), e.data()));
        reader.read(record, CheckpointMissed.TYPE).ifPresent(e -> {
            CheckpointMissed m = e.data();
            Map<String, Double> counts = Map.of(Counters.CHECKPOINTS_MISSED, 1.0);
            writer.gridDay(store, e.eventId(), m.gridCode(), day(m.windowEnd(), fallback), counts);
            writer.memberDay(store, e.eventId(), m.memberId(), m.gridCode(), day(m.windowEnd(), fallback), counts);
        });
        reader.read(record, IncidentOpened.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(),
                e.data().gridCode(), day(e.data().reportedAt(), fallback), Map.of(Counters.INCIDENTS_OPENED, 1.0)));
        reader.read(record, IncidentStateChanged.TYPE).ifPresent(e -> {
            IncidentStateChanged c = e.data();
            Map<String, Double> counts = transition(Counters.incident(c.toState()), "incidents", c.fromState(),
                    c.toState());
            String day = day(c.at(), fallback);
            writer.gridDay(store, e.eventId(), c.gridCode(), day, counts);
            handlerCredit(store, e.eventId(), c, day, counts);
        });
        reader.read(record, DisputeOpened.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(),
                e.data().gridCode(), day(originOf(e.data()), fallback), opened(e.data())));
        reader.read(record, DisputeStateChanged.TYPE).ifPresent(e -> {
            DisputeStateChanged c = e.data();
            Map<String, Double> counts = transition(Counters.dispute(c.toState()), "disputes", c.fromState(),
                    c.toState());
            writer.gridDay(store, e.eventId(), c.gridCode(), day(c.at(), fallback), counts);
            writer.memberDay(store, e.eventId(), c.actorId(), c.gridCode(), day(c.at(), fallback), counts);
        });
        reader.read(record, FollowUpVisitCompleted.TYPE).ifPresent(e -> {
            FollowUpVisitCompleted v = e.data();
            String day = v.visitedOn() == null ? Times.countyDate(Times.local(fallback)).toString()
                    : v.visitedOn().toString();
            Map<String, Double> counts = Map.of(Counters.FOLLOW_UP_VISITS, 1.0,
                    Counters.FOLLOW_UP_SATISFIED, v.satisfied() ? 1.0 : 0.0,
                    Counters.FOLLOW_UP_HAZARD_REMAINS, v.hazardRemains() ? 1.0 : 0.0);
            writer.gridDay(store, e.eventId(), v.gridCode(), day, counts);
            writer.memberDay(store, e.eventId(), v.visitorId(), v.gridCode(), day, counts);
        });
        reader.read(record, PublicityHeld.TYPE).ifPresent(e -> {
            PublicityHeld p = e.data();
            Map<String, Double> counts = Map.of(Counters.PUBLICITY_TALKS, 1.0,
                    Counters.PUBLICITY_ATTENDANCE, (double) Math.max(0, p.attendance()));
            writer.gridDay(store, e.eventId(), p.gridCode(), day(p.heldAt(), fallback), counts);
            writer.memberDay(store, e.eventId(), p.recordedBy(), p.gridCode(), day(p.heldAt(), fallback), counts);
        });
        requests(record, store, fallback);
        CareFigures.apply(reader, writer, record, store);
        warnings(record, store, fallback);
        hazards(record, store, fallback);
        commendations(record, store);
    }

    /** Public sentiment by its risk, and the risk warnings raised, each on the grid and day of its own fact. */
    private void warnings(ConsumerRecord<String, String> record, StatisticsStore store, Instant fallback) {
        reader.read(record, SentimentRecorded.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(),
                e.data().gridCode(), day(e.data().recordedAt(), fallback),
                Map.of(Counters.SENTIMENTS, 1.0, Counters.sentimentRisk(e.data().risk()), 1.0)));
        reader.read(record, RiskWarningRaised.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(),
                e.data().gridCode(), day(e.data().raisedAt(), fallback), Map.of(Counters.RISK_WARNINGS_RAISED, 1.0)));
    }

    /**
     * Hazards per grid and day: opened on the day found, closed on the day of the re-inspection that found them
     * removed, overdue on the day the limit ran out, escalated on the day they went up.
     */
    private void hazards(ConsumerRecord<String, String> record, StatisticsStore store, Instant fallback) {
        reader.read(record, HazardOpened.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(), e.data().gridCode(),
                day(e.data().originatedAt() != null ? e.data().originatedAt() : e.data().openedAt(), fallback),
                Map.of(Counters.HAZARDS_OPENED, 1.0)));
        reader.read(record, HazardStateChanged.TYPE).filter(e -> "CLOSED".equals(e.data().toState()))
                .ifPresent(e -> writer.gridDay(store, e.eventId(), e.data().gridCode(), day(e.data().at(), fallback),
                        Map.of(Counters.HAZARDS_CLOSED, 1.0)));
        reader.read(record, HazardOverdue.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(), e.data().gridCode(),
                day(e.data().dueAt(), fallback), Map.of(Counters.HAZARDS_OVERDUE, 1.0)));
        reader.read(record, HazardEscalated.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(),
                e.data().gridCode(), day(e.data().at(), fallback), Map.of(Counters.HAZARDS_ESCALATED, 1.0)));
    }


    /**
     * A commendation counts on the day it was received, in its matter's grid, by kind; each member it names is
     * credited with it (one write per member document, so all of them count). A request that named no grid takes
     * the grid it was submitted for, if any.
     */
    private void commendations(ConsumerRecord<String, String> record, StatisticsStore store) {
        for (EventType<MatterCommended> type : List.of(MatterCommended.INCIDENT, MatterCommended.LOST_ITEM,
                MatterCommended.DISPUTE, MatterCommended.REQUEST)) {
            reader.read(record, type).ifPresent(e -> {
                MatterCommended c = e.data();
                String grid = c.gridCode() == null && MatterCommended.REQUEST_MATTER.equals(c.matterType())
                        ? gridOfRequest(store, c.matterId()) : c.gridCode();
                Map<String, Double> counts = Map.of(Counters.COMMENDATIONS, 1.0, Counters.commendation(c.kind()),
                        1.0);
                String day = c.receivedOn().toString();
                writer.gridDay(store, e.eventId(), grid, day, counts);
                c.namedStaff().forEach(member -> writer.memberDay(store, e.eventId(), member, grid, day, counts));
            });
        }
    }

    /**
     * The step counts once for whoever took it; the outcomes it reaches or undoes (resolved, closed) for the officer
     * handling the case, who is not always the one who pressed the button (a supervisor may close it). Both land in
     * one member document when they are the same person, as two writes of one event to one document would count
     * only the first.
     */
    private void handlerCredit(StatisticsStore store, String eventId, IncidentStateChanged c, String day,
            Map<String, Double> counts) {
        String handler = c.officerId() == null || c.officerId().isBlank() ? c.actorId() : c.officerId();
        if (handler == null || handler.equals(c.actorId())) {
            writer.memberDay(store, eventId, c.actorId(), c.gridCode(), day, counts);
            return;
        }
        Map<String, Double> step = new HashMap<>(counts);
        Map<String, Double> outcomes = new HashMap<>();
        counts.keySet().stream().filter(k -> k.startsWith("incidents")).forEach(k -> outcomes.put(k, step.remove(k)));
        writer.memberDay(store, eventId, c.actorId(), c.gridCode(), day, step);
        if (!outcomes.isEmpty()) {
            writer.memberDay(store, eventId, handler, c.gridCode(), day, outcomes);
        }
    }

    /** The time of the fact that opened the dispute; the opening itself in events from before it was carried. */
    private static OffsetDateTime originOf(DisputeOpened opened) {
        return opened.originatedAt() != null ? opened.originatedAt() : opened.openedAt();
    }

    private void patrol(StatisticsStore store, String eventId, PatrolReportSubmitted r) {
        HashMap<String, Double> counts = new HashMap<>();
        counts.put(Counters.PATROL_REPORTS, 1.0);
        for (PatrolFinding finding : r.findings()) {
            counts.merge(Counters.finding(finding.kind().name()), 1.0, Double::sum);
        }
        counts.put(Counters.CHECKPOINTS_REACHED, r.checkpointsReached() == null ? 0.0 : r.checkpointsReached().size());
        if (r.routeCoverage() != null) {
            counts.put(Counters.ROUTE_COVERAGE_SUM, r.routeCoverage());
            counts.put(Counters.ROUTE_COVERAGE_REPORTS, 1.0);
        }
        String day = Times.countyDate(r.endedAt()).toString();
        writer.gridDay(store, eventId, r.gridCode(), day, counts);
        writer.memberDay(store, eventId, r.memberId(), r.gridCode(), day, counts);
    }

    private void requests(ConsumerRecord<String, String> record, StatisticsStore store, Instant fallback) {
        reader.read(record, RequestSubmitted.TYPE).ifPresent(e -> {
            RequestSubmitted s = e.data();
            if (s.gridCode() != null) {
                writer.rememberRequest(store, s.requestId(), s.gridCode());
            }
            writer.gridDay(store, e.eventId(), s.gridCode(), day(s.submittedAt(), fallback),
                    Map.of(Counters.REQUESTS_SUBMITTED, 1.0));
        });
        reader.read(record, RequestStateChanged.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(),
                gridOfRequest(store, e.data().requestId()), day(e.data().at(), fallback),
                transition(Counters.request(e.data().toState()), "requests", e.data().fromState(),
                        e.data().toState())));
        reader.read(record, RequestRated.TYPE).ifPresent(e -> {
            RequestRated r = e.data();
            String grid = r.gridCode() != null ? r.gridCode() : gridOfRequest(store, r.requestId());
            writer.gridDay(store, e.eventId(), grid, day(r.ratedAt(), fallback),
                    Map.of(Counters.RATINGS, 1.0, Counters.RATING_SCORE_SUM, (double) r.score()));
        });
        reader.read(record, RequestDeadlineBreached.TYPE).ifPresent(e -> writer.gridDay(store, e.eventId(),
                gridOfRequest(store, e.data().requestId()), day(e.data().dueAt(), fallback),
                Map.of(Counters.deadline(e.data().flag() == null ? null : e.data().flag().name()), 1.0)));
    }

    /** The count of the state entered, and the outcomes (resolved, closed, ...) the transition reaches or undoes. */
    private Map<String, Double> transition(String stateCounter, String kind, String from, String to) {
        Map<String, Double> counts = new HashMap<>(outcomes.changes(kind, from, to));
        counts.put(stateCounter, 1.0);
        return counts;
    }

    /** The grid a request was submitted for; null (not counted per grid) when it named none. */
    private String gridOfRequest(StatisticsStore store, String requestId) {
        Document known = mongo.findById(requestId, Document.class, store.requestGrids());
        return known == null ? null : known.getString("gridCode");
    }

    private static String day(OffsetDateTime at, Instant fallback) {
        return Times.countyDate(at != null ? at : Times.local(fallback)).toString();
    }

    /** Opened disputes, and by type where the event says (events from before the type was added do not). */
    private static Map<String, Double> opened(DisputeOpened opened) {
        return opened.type() == null ? Map.of(Counters.DISPUTES_OPENED, 1.0)
                : Map.of(Counters.DISPUTES_OPENED, 1.0, Counters.disputeType(opened.type()), 1.0);
    }
}
