package org.tanchang.grid.notification.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.grid.RiskWarningRaised;
import org.tanchang.grid.contracts.care.CareVisitMissed;
import org.tanchang.grid.contracts.hazard.HazardEscalated;
import org.tanchang.grid.contracts.hazard.HazardOpened;
import org.tanchang.grid.contracts.hazard.HazardOverdue;
import org.tanchang.grid.contracts.hazard.HazardRectificationOrdered;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.contracts.incident.CaseDeadlineApproaching;
import org.tanchang.grid.contracts.incident.CaseOverdue;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.contracts.incident.IncidentSupervised;
import org.tanchang.grid.contracts.lost.LostItemMatchReleased;
import org.tanchang.grid.contracts.lost.LostItemMatched;
import org.tanchang.grid.contracts.lost.LostItemReturned;
import org.tanchang.grid.contracts.mediation.DisputeAssigned;
import org.tanchang.grid.contracts.mediation.DisputeDeadlineApproaching;
import org.tanchang.grid.contracts.mediation.DisputeEscalated;
import org.tanchang.grid.contracts.mediation.DisputeOverdue;
import org.tanchang.grid.contracts.mediation.DisputeSupervised;
import org.tanchang.grid.contracts.mediation.FollowUpVisitAssigned;
import org.tanchang.grid.contracts.mediation.FollowUpVisitScheduled;
import org.tanchang.grid.contracts.patrol.CheckpointMissed;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.petition.RequestDeadlineBreached;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.contracts.petition.RequestSupervised;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.referral.ReferralAnswered;
import org.tanchang.grid.contracts.referral.ReferralDeadlineApproaching;
import org.tanchang.grid.contracts.referral.ReferralOverdue;
import org.tanchang.grid.contracts.referral.ReferralSent;

/** The contract types rules may name; a rule naming another type refuses to start (see {@code Notifier}). */
final class KnownEvents {

    static final List<EventType<?>> ALL = List.of(PatrolReportSubmitted.TYPE, CheckpointMissed.TYPE,
            IncidentStateChanged.TYPE, CaseDeadlineApproaching.TYPE, CaseOverdue.TYPE, LostItemMatched.TYPE,
            LostItemReturned.TYPE, LostItemMatchReleased.TYPE, DisputeEscalated.TYPE, DisputeDeadlineApproaching.TYPE,
            DisputeOverdue.TYPE, FollowUpVisitScheduled.TYPE, RequestDeadlineBreached.TYPE, RequestStateChanged.TYPE,
            DisputeAssigned.TYPE, FollowUpVisitAssigned.TYPE, DisputeSupervised.TYPE, IncidentSupervised.TYPE,
            RequestSupervised.TYPE, RiskWarningRaised.TYPE, CareVisitMissed.TYPE, ReferralSent.TYPE,
            ReferralAnswered.TYPE, ReferralDeadlineApproaching.TYPE, ReferralOverdue.TYPE, HazardOpened.TYPE,
            HazardRectificationOrdered.TYPE, HazardOverdue.TYPE, HazardEscalated.TYPE, MatterCommended.INCIDENT,
            MatterCommended.DISPUTE, MatterCommended.REQUEST);

    private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(EventType::type, Function.identity()));

    private KnownEvents() {
    }

    /** Whether the event concerns one outside agency, whose client alone may be told of it by webhook. */
    static boolean addressed(String type) {
        return named(type).map(t -> t.topic().equals(Topics.REFERRALS)).orElse(false);
    }

    /** The known event of a rule's event name or of a received CloudEvents type (short or reverse-DNS form). */
    static Optional<EventType<?>> named(String type) {
        return Optional.ofNullable(BY_NAME.get(EventType.nameOf(type)));
    }
}
