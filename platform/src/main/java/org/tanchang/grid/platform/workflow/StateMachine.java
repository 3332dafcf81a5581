package org.tanchang.grid.platform.workflow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * An aggregate's workflow as an explicit table: from which state which action leads to which state. Anything not in
 * the table is refused with a 409 problem that names the current state and the actions it allows, so a client can
 * tell a stale screen from a bug. The table is data, so tests walk it transition by transition.
 *
 * <pre>{@code
 * static final StateMachine<IncidentState> WORKFLOW = StateMachine.of(IncidentState.class)
 *         .allow("register", REPORTED, REGISTERED)
 *         .allow("void", REPORTED, VOIDED)
 *         .build();
 * incident.state = WORKFLOW.next(incident.state, "register");   // 409 problem if not allowed
 * }</pre>
 */
public final class StateMachine<S extends Enum<S>> {

    /** One allowed step. */
    public record Transition<S>(S from, String action, S to) {
    }

    private final Class<S> type;
    private final Map<S, Map<String, S>> table;

    private StateMachine(Class<S> type, Map<S, Map<String, S>> table) {
        this.type = type;
        this.table = table;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    /** The state after {@code action}, or a 409 problem when the current state does not allow it. */
    public S next(S current, String action) {
        S to = table.getOrDefault(current, Map.of()).get(action);
        if (to == null) {
            Set<String> allowed = actionsFrom(current);
            throw ProblemException.conflict(type.getSimpleName() + " in state " + current + " does not allow '"
                    + action + "'" + (allowed.isEmpty() ? "; it is final" : "; allowed: " + allowed),
                    Map.of("state", current.name(), "action", action, "allowed", List.copyOf(allowed)));
        }
        return to;
    }

    public boolean allows(S current, String action) {
        return table.getOrDefault(current, Map.of()).containsKey(action);
    }

    /** The actions the state allows, sorted (for problems, views and tests). */
    public Set<String> actionsFrom(S current) {
        return new TreeSet<>(table.getOrDefault(current, Map.of()).keySet());
    }

    /** Every allowed transition, in the order declared. */
    public List<Transition<S>> transitions() {
        List<Transition<S>> all = new ArrayList<>();
        table.forEach((from, actions) -> actions.forEach((action, to) -> all.add(new Transition<>(from, action, to))));
        return all;
    }

    /** Every action name used anywhere in the table. */
    public Set<String> actions() {
        Set<String> all = new TreeSet<>();
        table.values().forEach(actions -> all.addAll(actions.keySet()));
        return all;
    }

    public static final class Builder<S extends Enum<S>> {

        private final Class<S> type;
        private final Map<S, Map<String, S>> table;

        private Builder(Class<S> type) {
            this.type = type;
            this.table = new EnumMap<>(type);
        }

        /** {@code action} leads from each of {@code from} (one or more states) to {@code to}. */
        public Builder<S> allow(String action, S to, S... from) {
            for (S state : from) {
                S previous = table.computeIfAbsent(state, s -> new LinkedHashMap<>()).put(action, to);
                if (previous != null && previous != to) {
                    throw new IllegalStateException(state + " --" + action + "--> is ambiguous: " + previous + " or " + to);
                }
            }
            return this;
        }

        public StateMachine<S> build() {
            Map<S, Map<String, S>> copy = new EnumMap<>(type);
            table.forEach((state, actions) -> copy.put(state, Map.copyOf(actions)));
            return new StateMachine<>(type, copy);
        }
    }
}
