package org.tanchang.grid.gateway;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's part of the traces: each proxied call is a client span of the request's trace, and its
 * {@code traceparent} goes to the service (the gateway's observability, on in application.yml). Which spans are sent
 * and how an absent backend is reported are platform-core's, as in the services.
 */
@Configuration(proxyBeanMethods = false)
class GatewayTracing {

    /**
     * The proxied call's observation under a name of its own. Gateway 5.0.4 names it {@code http.client.requests},
     * like the Eureka client's RestClient metrics but with other tags, and Prometheus then refuses one of the two
     * (a warning, then those series are silently missing). Later gateway versions rename it the same way
     * (spring-cloud-gateway issue 3153); this bean can go with that upgrade.
     */
    @Bean
    GatewayObservationConvention proxiedCallObservation() {
        return new DefaultGatewayObservationConvention() {
            @Override
            public String getName() {
                return "spring.cloud.gateway.http.client.requests";
            }
        };
    }
}
