package org.tanchang.grid.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each service's OpenAPI document, with a relative server URL so "Try it out" in the gateway's aggregated Swagger UI
 * calls the gateway, not the service's own port.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
            @Value("${tanchang.api.description:Tanchang Grid service}") String description) {
        return new OpenAPI()
                .info(new Info().title("Tanchang Grid: " + name).version("v1").description(description)
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("through the gateway")));
    }
}
