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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tanchang.grid.platform.test.TestTokens;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Budgets per person and per address: a caller over its budget gets a 429 problem with Retry-After; people behind
 * one address (every test request comes from 127.0.0.1) each have their own; endpoints outside /api/** are not
 * limited. The application's budget is large here (see ClientRateLimitIntegrationTest). A refusal is the problem of
 * that very request (its ids) and no failure of the service: the route's circuit breaker stays closed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.gateway.rate-limit.per-user.capacity=3",
        "tanchang.gateway.rate-limit.per-user.refill-per-second=0.2",
        "tanchang.gateway.rate-limit.per-client.capacity=1000",
        "tanchang.gateway.rate-limit.per-address.capacity=3",
        "tanchang.gateway.rate-limit.per-address.refill-per-second=0.2"})
class RateLimitIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();
    private static final StubService PETITION_SERVICE = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", CASE_SERVICE::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.petition-service[0].uri", PETITION_SERVICE::uri);
        TrustedTestTokens.register(registry);
    }

    @AfterAll
    static void stopStubs() {
        CASE_SERVICE.close();
        PETITION_SERVICE.close();
    }

    @LocalServerPort
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private WebTestClient.ResponseSpec incidents(String token) {
        return client().get().uri("/api/incidents")
                .header(HttpHeaders.AUTHORIZATION, TrustedTestTokens.bearer(token)).exchange();
    }

    @Test
    void aPersonOverBudgetGetsA429ProblemWhileAnotherPersonAtTheSameAddressGoesOn() {
        String userA = TestUsers.officer(TestUsers.LICHUAN);
        String userB = TestUsers.token("officer-b", "OFFICER", TestUsers.MUER);
        for (int i = 0; i < 3; i++) {
            incidents(userA).expectStatus().isOk();
        }

        incidents(userA)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:too-many-requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.requestId").exists();

        for (int i = 0; i < 3; i++) {
            incidents(userB).expectStatus().isOk();
        }
        incidents(userB).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void anonymousCallersAreLimitedByAddressWhichDoesNotLimitSignedInPeople() {
        for (int i = 0; i < 3; i++) {
            client().get().uri("/api/service-items").exchange().expectStatus().isOk();
        }

        client().get().uri("/api/service-items").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:too-many-requests");

        // same address, signed in: charged to the person, not the address
        client().get().uri("/api/service-items")
                .header(HttpHeaders.AUTHORIZATION, TrustedTestTokens.bearer(TestUsers.citizen("citizen-same-address")))
                .exchange()
                .expectStatus().isOk();
        client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void theRefusalIsTheProblemOfThatVeryRequest() {
        String person = TestUsers.token("officer-problem", "OFFICER", TestUsers.LICHUAN);
        for (int i = 0; i < 3; i++) {
            incidents(person).expectStatus().isOk();
        }

        EntityExchangeResult<Map<String, Object>> refused = incidents(person)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
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
    void refusalsAreNoFailuresOfTheService() {
        String person = TestUsers.token("officer-breaker", "OFFICER", TestUsers.LICHUAN);
        for (int i = 0; i < 3; i++) {
            incidents(person).expectStatus().isOk();
        }
        for (int i = 0; i < 30; i++) { // the route's circuit breaker opens when half of 20 calls fail
            incidents(person).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }

        incidents(TestUsers.token("officer-after-breaker", "OFFICER", TestUsers.LICHUAN)).expectStatus().isOk();
    }

    @Test
    void tokensThatFailVerificationSpendNobodysBudget() {
        // a forger names a victim; the limiter sees only verified principals, so the victim keeps the full budget
        for (int i = 0; i < 5; i++) {
            client().get().uri("/api/incidents")
                    .header(HttpHeaders.AUTHORIZATION, TrustedTestTokens.bearer(TestTokens.shared().forged("victim")))
                    .exchange()
                    .expectStatus().isUnauthorized();
        }

        String victim = TestUsers.token("victim", "OFFICER", TestUsers.LICHUAN);
        for (int i = 0; i < 3; i++) {
            incidents(victim).expectStatus().isOk();
        }
        assertThat(CASE_SERVICE.lastHeaders("/api/incidents").getFirst("Authorization"))
                .isEqualTo(TrustedTestTokens.bearer(victim));
    }
}
