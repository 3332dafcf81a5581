package org.tanchang.grid.platform.workflow;

import io.swagger.v3.oas.models.Operation;
import java.time.Clock;
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
            operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank()
                    ? arrow : arrow + " " + operation.getDescription());
            document(operation);
            return operation;
        };
    }

    private static void document(Operation operation) {
        OpenApiConfiguration.documentProblem(operation, "404", "No such object, or one the caller may not see");
        OpenApiConfiguration.documentProblem(operation, "409", "The current state does not allow this step (the "
                + "problem names the state and the steps it allows), or the object was changed meanwhile; reload");
    }
}
