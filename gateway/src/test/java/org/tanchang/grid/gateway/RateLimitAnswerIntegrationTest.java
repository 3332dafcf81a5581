package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The refusal is the gateway's own problem for that very request (its request id and trace id, the 429 detail), and
 * refusals are no failures of the service: the route's circuit breaker stays closed however many there are.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.gateway.rate-limit.per-user.capacity=1",
        "tanchang.gateway.rate-limit.per-user.refill-per-second=0.01"})
class RateLimitAnswerIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", CASE_SERVICE::uri);
        TrustedTestTokens.register(registry);
    }

    @AfterAll
    static void stopStub() {
        CASE_SERVICE.close();
    }

    @LocalServerPort
    int port;

    private WebTestClient.ResponseSpec incidents(String subject) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/incidents")
                .header(HttpHeaders.AUTHORIZATION,
                        TrustedTestTokens.bearer(TestUsers.token(subject, "OFFICER", TestUsers.LICHUAN)))
                .exchange();
    }

    @Test
    void theRefusalIsTheProblemOfThatRequest() {
        incidents("officer-1").expectStatus().isOk();

        EntityExchangeResult<Map<String, Object>> refused = incidents("officer-1")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "100")
                .expectHeader().doesNotExist("X-RateLimit-Remaining")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult();

        assertThat(refused.getResponseBody())
                .containsEntry("detail", "Too many requests from this caller; wait as Retry-After says")
                .containsEntry("instance", "/api/incidents")
                .containsEntry("requestId", refused.getResponseHeaders().getFirst("X-Request-Id"))
                .containsEntry("traceId", refused.getResponseHeaders().getFirst("X-Trace-Id"));
    }

    @Test
    void refusalsDoNotOpenTheServicesCircuitBreaker() {
        incidents("officer-2").expectStatus().isOk();
        for (int i = 0; i < 30; i++) { // the breaker opens on half of 20 calls failing
            incidents("officer-2").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }

        incidents("officer-3").expectStatus().isOk();
    }
}
