package org.tanchang.grid.platform.workflow;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.problem.Problems;

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
     * own words), and documents the step's 404 and 409 problems, so no controller writes them by hand.
     */
    @Bean
    OperationCustomizer workflowStepDocumentation() {
        return (operation, handler) -> {
            Workflow.Action<?> action = WorkflowTables.actionOf(handler);
            if (action == null) {
                return operation;
            }
            String arrow = action.arrow() + ".";
            String text = operation.getDescription();
            // springdoc runs customizers in no set order (it takes a Set), so the roles line may be there already
            operation.setDescription(text == null || text.isBlank() ? arrow
                    : text.startsWith(OpenApiConfiguration.ROLES_LINE) ? arrow + "\n\n" + text : arrow + " " + text);
            document(operation, refusal(WorkflowTables.of(handler.getMethodAnnotation(WorkflowStep.class).of()),
                    action.name()));
            return operation;
        };
    }

    private static void document(Operation operation, Map<String, Object> refusal) {
        OpenApiConfiguration.documentProblem(operation, "404", "No such object, or one the caller may not see");
        OpenApiConfiguration.documentProblem(operation, "409", "The current state does not allow this step (the "
                + "problem names the state and the steps it allows), or the object was changed meanwhile; reload");
        MediaType problem = operation.getResponses().get("409").getContent() == null ? null
                : operation.getResponses().get("409").getContent().get("application/problem+json");
        if (problem != null && problem.getExample() == null && refusal != null) {
            problem.setExample(refusal);
        }
    }

    /**
     * The 409 problem the table answers for {@code action} in the first state that does not allow it, as the example
     * of the step's conflict: the client sees the state, the action and the allowed ones it will get.
     */
    static <S extends Enum<S>> Map<String, Object> refusal(Workflow<S> table, String action) {
        for (S state : table.type().getEnumConstants()) {
            if (!table.allows(state, action)) {
                try {
                    table.next(state, action);
                } catch (ProblemException problem) {
                    Map<String, Object> example = new LinkedHashMap<>();
                    example.put("type", Problems.TYPE_PREFIX + problem.slug());
                    example.put("title", problem.title());
                    example.put("status", problem.status().value());
                    example.put("detail", problem.getMessage());
                    // a fixed order, so the committed documents do not change from run to run
                    Map<String, Object> properties = new TreeMap<>(problem.properties());
                    for (String first : List.of("state", "action", "allowed")) {
                        if (properties.containsKey(first)) {
                            example.put(first, properties.remove(first));
                        }
                    }
                    example.putAll(properties);
                    return example;
                }
            }
        }
        return null;
    }
}
