package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A caller over its budget gets a 429 problem with Retry-After; other endpoints than /api/** are not limited. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.gateway.rate-limit.capacity=3",
        "tanchang.gateway.rate-limit.refill-per-second=0.2"})
class RateLimitIntegrationTest {

    private static final StubService CASE_SERVICE = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", CASE_SERVICE::uri);
    }

    @AfterAll
    static void stopStub() {
        CASE_SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Test
    void theFourthRequestOfABurstIsRefusedWithA429Problem() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/incidents").exchange().expectStatus().isOk();
        }

        client.get().uri("/api/incidents").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:too-many-requests")
                .jsonPath("$.status").isEqualTo(429);

        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }
}
