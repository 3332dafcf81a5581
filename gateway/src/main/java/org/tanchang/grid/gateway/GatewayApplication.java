package org.tanchang.grid.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The only public entry: routes {@code /api/**} to the services through Eureka, wraps each service in a circuit
 * breaker and time limit, gives every request an id and a trace, and answers every error it produces itself as an
 * RFC 9457 problem. Routes and resilience settings are in application.yml.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
