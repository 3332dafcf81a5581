package org.tanchang.grid.gridservice.statistics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What "resolved", "closed", "completed" mean in the workflows of the other services, by their state names: per kind
 * of case (incidents, disputes, requests), per outcome, the states in which a case counts as having reached it, and
 * the states that undo it (a rejected verification, a reopened case, a court refusing to confirm an agreement). The
 * names live in configuration because they belong to other services' workflows and change with them.
 */
@ConfigurationProperties("tanchang.grid.statistics")
record OutcomeProperties(Map<String, Map<String, Outcome>> outcomes) {

    OutcomeProperties {
        outcomes = outcomes == null ? Map.of() : Map.copyOf(outcomes);
    }

    /**
     * @param states       the case has this outcome while in any of these states
     * @param reopenedInto leaving {@code states} into one of these takes the outcome back; leaving into any other
     *                     state (e.g. a settled dispute being archived) keeps it
     */
    record Outcome(Set<String> states, Set<String> reopenedInto) {

        Outcome {
            states = states == null ? Set.of() : Set.copyOf(states);
            reopenedInto = reopenedInto == null ? Set.of() : Set.copyOf(reopenedInto);
        }

        /** +1 when a transition reaches the outcome, -1 when it undoes it, 0 otherwise. */
        int change(String from, String to) {
            boolean was = from != null && states.contains(from);
            boolean is = to != null && states.contains(to);
            if (!was && is) {
                return 1;
            }
            return was && !is && reopenedInto.contains(to) ? -1 : 0;
        }
    }

    /**
     * The outcome counters a transition of a kind moves, named kind + Outcome (incidentsResolved,
     * disputesResolved, requestsCompleted, ...).
     */
    Map<String, Double> changes(String kind, String from, String to) {
        Map<String, Double> counts = new TreeMap<>();
        outcomes.getOrDefault(kind, Map.of()).forEach((name, outcome) -> {
            int change = outcome.change(from, to);
            if (change != 0) {
                counts.put(kind + Character.toUpperCase(name.charAt(0)) + name.substring(1), (double) change);
            }
        });
        return counts;
    }

}
