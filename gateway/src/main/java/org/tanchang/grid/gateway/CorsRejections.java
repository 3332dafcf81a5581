package org.tanchang.grid.gateway;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request from an origin that is not allowed gets a 403 problem like every other error. Spring's CORS processor
 * would answer an empty 403; raising an exception instead lets {@link ProblemExceptionHandler} write the body.
 */
@Configuration(proxyBeanMethods = false)
class CorsRejections {

    @Bean
    static BeanPostProcessor corsRejectionsAsProblems() { // static: a post-processor must not wait for this class
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractHandlerMapping mapping) { // the gateway's routes and the controllers
                    mapping.setCorsProcessor(new ProblemCorsProcessor());
                }
                return bean;
            }
        };
    }

    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
