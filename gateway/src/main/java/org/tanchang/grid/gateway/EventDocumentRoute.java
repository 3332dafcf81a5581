package org.tanchang.grid.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the AsyncAPI document of the suite's events beside the services' OpenAPI documents. It is the committed
 * {@code docs/asyncapi/asyncapi.json}, which ships in the contracts jar: the events are the contracts', not any one
 * service's, so the gateway answers it itself rather than routing to a service.
 */
@Configuration(proxyBeanMethods = false)
class EventDocumentRoute {

    static final String PATH = "/asyncapi.json";
    private static final String DOCUMENT = "asyncapi/asyncapi.json";

    @Bean
    RouterFunction<ServerResponse> asyncApiDocument() {
        Resource document = new ClassPathResource(DOCUMENT);
        return RouterFunctions.route(GET(PATH), request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .bodyValue(document));
    }
}
