package org.tanchang.grid.platform.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * An aggregate's workflow as one table, declared in the order people say it: on an action, from these states, to
 * that state, by these roles. Anything not in the table is refused with a 409 problem naming the current state and
 * the actions it allows, so a client can tell a stale screen from a bug. The table is the one source of each step's
 * roles (checked before the handler runs, see {@link WorkflowStep}), of the OpenAPI line {@code A → B} and of the
 * reviewed listing under {@code src/test/resources/workflows/}.
 *
 * <pre>{@code
 * static final Workflow<IncidentState> TABLE = Workflow.of("incident", IncidentState.class)
 *         .on("register").from(REPORTED).to(REGISTERED).by(OFFICER, AUXILIARY_OFFICER, SUPERVISOR)
 *         .on("reopen").from(CLOSED).to(IN_PROGRESS).by(SUPERVISOR)
 *         .on("hold-session").in(MEDIATING).by(MEDIATOR)          // a step that keeps the state
 *         .build();
 * }</pre>
 */
public final class Workflow<S extends Enum<S>> {

    /**
     * One action as declared: the states it may be taken in, where it leads ({@code null}: it keeps the state), who
     * may take it, the OAuth scopes a system needs for it, and the key of the time limit it starts.
     */
    public record Action<S extends Enum<S>>(String name, List<S> from, S to, List<String> roles, List<String> scopes,
            String limit) {

        /** The state after this action taken in {@code from}. */
        public S target(S from) {
            return to == null ? from : to;
        }

        /** {@code A, B → C}, or {@code in A, B} for a step that keeps the state: for descriptions and listings. */
        public String arrow() {
            String sources = from.stream().map(Enum::name).collect(Collectors.joining(", "));
            return to == null ? "in " + sources : sources + " → " + to.name();
        }
    }

    /** One allowed step from one state. */
    public record Transition<S>(S from, String action, S to) {
    }

    private final String name;
    private final Class<S> type;
    private final Map<String, Action<S>> actions;
    private final Map<S, Map<String, S>> table;

    private Workflow(String name, Class<S> type, Map<String, Action<S>> actions) {
        this.name = name;
        this.type = type;
        this.actions = Collections.unmodifiableMap(actions);
        Map<S, Map<String, S>> byState = new EnumMap<>(type);
        actions.values().forEach(action -> action.from().forEach(from ->
                byState.computeIfAbsent(from, s -> new LinkedHashMap<>()).put(action.name(), action.target(from))));
        byState.replaceAll((state, steps) -> Collections.unmodifiableMap(steps));
        this.table = byState;
    }

    public static <S extends Enum<S>> Builder<S> of(String name, Class<S> type) {
        return new Builder<>(name, type);
    }

    public String name() {
        return name;
    }

    public Class<S> type() {
        return type;
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

    /** The actions {@code current} allows to someone holding any of {@code roles}, sorted: what a screen offers. */
    public Set<String> actionsFrom(S current, Set<String> roles) {
        Set<String> offered = new TreeSet<>();
        for (String action : table.getOrDefault(current, Map.of()).keySet()) {
            if (actions.get(action).roles().stream().anyMatch(roles::contains)) {
                offered.add(action);
            }
        }
        return offered;
    }

    /** The declaration of {@code action}; an unknown name is a programming error. */
    public Action<S> action(String action) {
        Action<S> declared = actions.get(action);
        if (declared == null) {
            throw new IllegalArgumentException(name + " has no action '" + action + "'; it has " + actions.keySet());
        }
        return declared;
    }

    /** Every action, in the order declared. */
    public List<Action<S>> declared() {
        return List.copyOf(actions.values());
    }

    /** Every allowed transition, state by state in the order of the enum, then in the order declared. */
    public List<Transition<S>> transitions() {
        List<Transition<S>> all = new ArrayList<>();
        table.forEach((from, steps) -> steps.forEach((action, to) -> all.add(new Transition<>(from, action, to))));
        return all;
    }

    /** Every action name, sorted. */
    public Set<String> actions() {
        return new TreeSet<>(actions.keySet());
    }

    /**
     * The table as text for the reviewed golden file: one line per action as declared, then the states no action
     * leaves (final). A change to the table shows up as a diff of this listing that a reviewer reads.
     */
    public String listing() {
        StringBuilder text = new StringBuilder("workflow ").append(name).append(" (").append(type.getSimpleName())
                .append(")\n");
        for (Action<S> action : actions.values()) {
            text.append("on ").append(action.name()).append(": ").append(action.arrow()).append(" | by ")
                    .append(String.join(", ", action.roles()));
            if (!action.scopes().isEmpty()) {
                text.append(" | systems with ").append(String.join(", ", action.scopes()));
            }
            if (action.limit() != null) {
                text.append(" | starts limit ").append(action.limit());
            }
            text.append('\n');
        }
        Set<String> ends = Arrays.stream(type.getEnumConstants()).filter(s -> !table.containsKey(s)).map(Enum::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        text.append("final: ").append(ends.isEmpty() ? "none" : String.join(", ", ends)).append('\n');
        return text.toString();
    }

    @Override
    public String toString() {
        return "Workflow " + name;
    }

    /** Collects the table; {@link #build()} checks it. */
    public static final class Builder<S extends Enum<S>> {

        private final String name;
        private final Class<S> type;
        private final Map<String, Action<S>> actions = new LinkedHashMap<>();
        private String pending;
        private List<S> pendingFrom;
        private String last;

        private Builder(String name, Class<S> type) {
            this.name = name;
            this.type = type;
        }

        /** Starts the row of {@code action}; {@code from(..).to(..)} or {@code in(..)} follows. */
        public From<S> on(String action) {
            finishRow();
            if (actions.containsKey(action)) {
                throw new IllegalStateException(name + ": action '" + action + "' is declared twice");
            }
            pending = action;
            return new From<>(this);
        }

        /** The roles that may take the action of the current row (any one suffices). */
        public Builder<S> by(String... roles) {
            Action<S> row = lastRow("by");
            put(new Action<>(row.name(), row.from(), row.to(), List.of(roles), row.scopes(), row.limit()));
            return this;
        }

        /** The OAuth scopes (any one) a system caller needs for the current row; SYSTEM must be among its roles. */
        public Builder<S> scopes(String... scopes) {
            Action<S> row = lastRow("scopes");
            put(new Action<>(row.name(), row.from(), row.to(), row.roles(), List.of(scopes), row.limit()));
            return this;
        }

        /** The key of the time limit the current row starts (looked up in the service's configuration). */
        public Builder<S> limit(String key) {
            Action<S> row = lastRow("limit");
            put(new Action<>(row.name(), row.from(), row.to(), row.roles(), row.scopes(), key));
            return this;
        }

        public Workflow<S> build() {
            finishRow();
            for (Action<S> action : actions.values()) {
                if (action.roles().isEmpty()) {
                    // fail closed, like an endpoint without @Allowed: a row nobody may take is a forgotten .by(..)
                    throw new IllegalStateException(name + ": action '" + action.name() + "' names no role (.by)");
                }
                if (!action.scopes().isEmpty() && !action.roles().contains("SYSTEM")) {
                    throw new IllegalStateException(name + ": action '" + action.name() + "' lists scopes but not "
                            + "the SYSTEM role");
                }
            }
            return new Workflow<>(name, type, new LinkedHashMap<>(actions));
        }

        private Action<S> lastRow(String what) {
            finishRow();
            if (last == null) {
                throw new IllegalStateException(name + ": ." + what + "(..) before any .on(..)");
            }
            return actions.get(last);
        }

        private void put(Action<S> action) {
            actions.put(action.name(), action);
        }

        private void finishRow() {
            if (pending != null) {
                throw new IllegalStateException(name + ": action '" + pending + "' has no .from(..).to(..) or .in(..)");
            }
        }

        private Builder<S> row(List<S> from, S to) {
            if (from.isEmpty()) {
                throw new IllegalStateException(name + ": action '" + pending + "' names no state it is taken in");
            }
            Action<S> action = new Action<>(pending, List.copyOf(from), to, List.of(), List.of(), null);
            last = pending;
            pending = null;
            put(action);
            return this;
        }
    }

    /** The states an action may be taken in. */
    public static final class From<S extends Enum<S>> {

        private final Builder<S> builder;

        private From(Builder<S> builder) {
            this.builder = builder;
        }

        @SafeVarargs
        public final To<S> from(S... states) {
            builder.pendingFrom = List.of(states);
            return new To<>(builder);
        }

        /** A step that keeps the state (a session held, a term performed), allowed in each of {@code states}. */
        @SafeVarargs
        public final Builder<S> in(S... states) {
            return builder.row(List.of(states), null);
        }
    }

    /** Where an action leads. */
    public static final class To<S extends Enum<S>> {

        private final Builder<S> builder;

        private To(Builder<S> builder) {
            this.builder = builder;
        }

        public Builder<S> to(S state) {
            return builder.row(builder.pendingFrom, state);
        }
    }
}
