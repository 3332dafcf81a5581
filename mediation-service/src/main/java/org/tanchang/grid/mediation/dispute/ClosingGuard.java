package org.tanchang.grid.mediation.dispute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.tanchang.grid.mediation.followup.VisitSummary;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * The "three not-let-go" (三个不放): no closing while the conflict is unresolved (a term unperformed, a visit not yet
 * made), the hazard remains (the latest visit found it), or a party is dissatisfied (the last visit of that party) or
 * was never asked (every party of an agreed or visited dispute needs a visit, or a recorded reason why not).
 * Everything missing is listed at once, so the mediator sees the whole to-do list rather than one item per attempt.
 */
final class ClosingGuard {

    private ClosingGuard() {
    }

    static List<Map<String, Object>> missing(Dispute dispute, List<VisitSummary> visits) {
        List<Map<String, Object>> missing = new ArrayList<>();
        if (dispute.agreement != null) {
            for (Parts.Term term : dispute.agreement.terms()) {
                if (term.performedOn() == null) {
                    missing.add(item("UNPERFORMED_TERM", "term-" + term.index(), "Term " + term.index() + " ("
                            + partyName(dispute, term.obligorIndex()) + ": " + term.obligation() + ", "
                            + term.amountFen() + " fen, due " + term.dueOn() + ") is not performed"));
                }
            }
        }
        for (VisitSummary visit : visits) {
            if (!visit.completed()) {
                missing.add(item("VISIT_NOT_MADE", visit.id(), "Follow-up visit " + visit.id() + " due "
                        + visit.dueOn() + " has not been made"));
            }
        }
        List<VisitSummary> made = visits.stream().filter(VisitSummary::completed)
                .sorted(Comparator.comparing(VisitSummary::visitedOn).thenComparing(VisitSummary::completedAt))
                .toList();
        if (!made.isEmpty() && Boolean.TRUE.equals(made.get(made.size() - 1).hazardRemains())) {
            VisitSummary last = made.get(made.size() - 1);
            missing.add(item("HAZARD_REMAINS", last.id(), "The latest follow-up visit (" + last.visitedOn()
                    + ") found the hazard remaining"));
        }
        Map<String, VisitSummary> lastOfParty = new LinkedHashMap<>();
        made.forEach(v -> lastOfParty.put(v.partyName(), v));
        lastOfParty.forEach((party, v) -> {
            if (!Boolean.TRUE.equals(v.satisfied())) {
                missing.add(item("PARTY_DISSATISFIED", v.id(), party + " was dissatisfied at the last visit ("
                        + v.visitedOn() + ")"));
            }
        });
        // once anything was agreed or visited, every party must have been asked, or why not must be on record
        if (dispute.agreement != null || !visits.isEmpty()) {
            Set<Integer> excused = dispute.visitExcuses.stream().map(Parts.VisitExcuse::partyIndex)
                    .collect(Collectors.toSet());
            for (Parts.Party party : dispute.parties) {
                if (!lastOfParty.containsKey(party.name()) && !excused.contains(party.index())) {
                    missing.add(item("PARTY_NOT_VISITED", "party-" + party.index(), party.name() + " (party "
                            + party.index() + ") was not asked at any follow-up visit and no reason is recorded"));
                }
            }
        }
        return missing;
    }

    static void require(String action, Dispute dispute, List<Map<String, Object>> missing) {
        if (!missing.isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-let-go", "Not ready to " + action,
                    "Dispute " + dispute.id + " cannot be " + (action.equals("archive") ? "archived" : "fulfilled")
                            + ": " + missing.size() + " thing(s) missing (三个不放)",
                    Map.of("state", dispute.state.name(), "missing", missing));
        }
    }

    private static Map<String, Object> item(String kind, String reference, String detail) {
        return Map.of("kind", kind, "reference", reference, "detail", detail);
    }

    private static String partyName(Dispute dispute, int index) {
        return dispute.parties.stream().filter(p -> p.index() == index).map(Parts.Party::name).findFirst()
                .orElse("party " + index);
    }
}
