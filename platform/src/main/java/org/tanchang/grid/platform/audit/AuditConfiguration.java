package org.tanchang.grid.platform.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The audit trail: every service gets its own hash chain in its own database, a record of every API write (and of
 * every unmasked read, through {@link org.tanchang.grid.platform.personaldata.Disclosure}) and the supervisors'
 * query endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AuditTrail auditTrail(MongoOperations mongo, Clock clock, AuditProperties properties) {
        return new AuditTrail(mongo, clock, properties);
    }

    @Bean
    AuditVerifier auditVerifier(MongoOperations mongo) {
        return new AuditVerifier(mongo);
    }

    /** An interval of 0 switches the periodic verification off. */
    @Bean
    AuditChainMonitor auditChainMonitor(AuditVerifier verifier, AuditProperties properties,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        // a context without metrics (a bare test context) still verifies; the outcome then only reaches the log
        return new AuditChainMonitor(verifier,
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                properties.verifyInterval(), properties.verifyInitialDelay());
    }

    @Bean
    AuditController auditController(AuditQueries queries, AuditVerifier verifier) {
        return new AuditController(queries, verifier);
    }

    /** Ordered before the role check so refused writes are recorded too. */
    @Bean
    WebMvcConfigurer auditInterceptorRegistration(AuditTrail trail) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuditInterceptor(trail)).addPathPatterns("/api/**")
                        .order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    /**
     * Every service has this controller, and integrators generate clients of several services side by side: the
     * service's name goes into its operation ids (listAuditRecords → listPetitionAuditRecords) so they are unique
     * in the suite and stay put.
     */
    @Bean
    OperationCustomizer auditOperationIds(@Value("${spring.application.name}") String service) {
        StringBuilder noun = new StringBuilder();
        for (String word : service.replaceFirst("-service$", "").split("-")) {
            if (!word.isEmpty()) {
                noun.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return (operation, handler) -> {
            if (handler.getBeanType() == AuditController.class && operation.getOperationId() != null) {
                operation.setOperationId(operation.getOperationId().replace("Audit", noun + "Audit"));
            }
            return operation;
        };
    }

    @Bean
    AuditQueries auditQueries(MongoOperations mongo) {
        return new AuditQueries(mongo);
    }

    /**
     * Chain head and indexes once the service is up. A MongoDB outage at start-up must not stop the service (the
     * readiness probe reports it); the first append tries again.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> auditStorageInitializer(AuditTrail trail) {
        return ready -> {
            try {
                trail.ensureStorage();
            } catch (RuntimeException unreachable) {
                log.warn("Audit storage not prepared at start-up; the first append will retry: {}",
                        unreachable.getMessage());
            }
        };
    }
}
