package org.tanchang.grid.gateway;

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
import org.tanchang.grid.platform.test.TestUsers;

/**
 * The application's budget: all people signed in through one client (every test token is {@code tanchang-app}'s)
 * share it, so once it is spent a person who has sent nothing yet is refused too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.gateway.rate-limit.per-user.capacity=1000",
        "tanchang.gateway.rate-limit.per-client.capacity=3",
        "tanchang.gateway.rate-limit.per-client.refill-per-second=0.2"})
class ClientRateLimitIntegrationTest {

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
    void peopleOfOneApplicationShareItsBudget() {
        incidents("officer-1").expectStatus().isOk();
        incidents("officer-2").expectStatus().isOk();
        incidents("officer-3").expectStatus().isOk();

        incidents("officer-4")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.type").isEqualTo("urn:tanchang-grid:problem:too-many-requests");
    }
}
