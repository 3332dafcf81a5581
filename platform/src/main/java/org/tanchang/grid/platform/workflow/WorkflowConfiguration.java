package org.tanchang.grid.platform.workflow;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.data.mongodb.core.MongoOperations;
import org.tanchang.grid.platform.outbox.OutboxRelay;
import org.tanchang.grid.platform.security.AccessRule;
import org.tanchang.grid.platform.security.AccessRuleSource;
import org.tanchang.grid.platform.web.OpenApiConfiguration;
import org.tanchang.grid.platform.web.ProblemException;

/** The workflow kernel: the step engine, the versioned writes, the deadline sweep, and the tables' part in access and docs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowProperties.class)
public class WorkflowConfiguration {

    @Bean
    VersionedWrites versionedWrites(MongoOperations mongo, ObjectProvider<OutboxRelay> relay) {
        return new VersionedWrites(mongo, relay);
    }

    @Bean
    Steps steps(VersionedWrites writes, Clock clock) {
        return new Steps(writes, clock);
    }

    @Bean
    DeadlineSweep deadlineSweep(MongoOperations mongo, VersionedWrites writes, ObjectProvider<DeadlineTrack<?>> tracks,
            WorkflowProperties properties, Clock clock) {
        return new DeadlineSweep(mongo, writes, tracks.orderedStream().toList(), properties, clock);
    }

    /** A step endpoint is open to the roles its table names (fail closed like {@code @Allowed}). */
    @Bean
    AccessRuleSource workflowStepAccess() {
        return handler -> {
            Workflow.Action<?> action = WorkflowTables.actionOf(handler);
            return action == null ? null : new AccessRule(action.roles(), action.scopes());
        };
    }

    /**
     * A step's operation says where it leads, from the table ({@code REPORTED → REGISTERED.}, before the author's
     * own words), and documents the step's 404 and 409 problems with examples drawn from the table, so no controller
     * writes them by hand.
     */
    @Bean
    OperationCustomizer workflowStepDocumentation() {
        return (operation, handler) -> {
            WorkflowStep step = handler.getMethodAnnotation(WorkflowStep.class);
            if (step == null) {
                return operation;
            }
            Workflow<?> table = WorkflowTables.of(step.of());
            Workflow.Action<?> action = table.action(step.value());
            String arrow = action.arrow() + ".";
            operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank()
                    ? arrow : arrow + " " + operation.getDescription());
            OpenApiConfiguration.documentProblem(operation, "404", "No such object, or one the caller may not see",
                    example(404, "not-found", "Not found", "The object does not exist or lies outside the caller's "
                            + "areas"));
            OpenApiConfiguration.documentProblem(operation, "409", "The current state does not allow this step (the "
                    + "problem names the state and the steps it allows), or the object was changed meanwhile; reload",
                    conflictExample(table, action));
            return operation;
        };
    }

    /** The 409 a client meets when it tries the step in a state that does not allow it, as the table words it. */
    private static <S extends Enum<S>> Map<String, Object> conflictExample(Workflow<S> table, Workflow.Action<?> action) {
        for (S state : table.type().getEnumConstants()) {
            if (!table.allows(state, action.name())) {
                try {
                    table.next(state, action.name());
                } catch (ProblemException refused) {
                    Map<String, Object> example = example(409, refused.slug(), refused.title(), refused.getMessage());
                    example.putAll(refused.properties());
                    return example;
                }
            }
        }
        return null;
    }

    private static Map<String, Object> example(int status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:tanchang-grid:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
