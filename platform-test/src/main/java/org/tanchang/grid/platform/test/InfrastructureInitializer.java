package org.tanchang.grid.platform.test;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at the real test broker and wire server. Each context gets its own database, so tests do
 * not see each other's documents, and no Eureka: an integration test exercises one service.
 * Tokens are checked against the JVM's shared {@link TestTokens}. Spans are made but not sent: there is no trace
 * backend (a test that wants them adds a {@code SpanExporter} bean, which Boot's batch processor feeds).
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + TestInfrastructure.mongoUri(),
                "spring.mongodb.database=test-" + UUID.randomUUID().toString().substring(0, 8),
                "eureka.client.enabled=false",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.shared().jwksUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "tanchang.events.retry-interval=100ms",
                "tanchang.outbox.poll-interval=100ms",
                "tanchang.outbox.max-backoff=1s",
                "management.tracing.export.zipkin.enabled=false",
                "management.opentelemetry.tracing.export.schedule-delay=100ms")
                .applyTo(context);
    }
}
