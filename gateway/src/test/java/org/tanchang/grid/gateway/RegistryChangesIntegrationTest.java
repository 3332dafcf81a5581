package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The routes are built once (the route refresh listener is off, application.yml), yet a service that registers after
 * the gateway started is reached, and one that leaves is no longer called: instances are looked up per request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class RegistryChangesIntegrationTest {

    private static final StubService PETITION_SERVICE = StubService.start();

    @AfterAll
    static void stop() {
        PETITION_SERVICE.close();
    }

    @Autowired
    SimpleReactiveDiscoveryProperties registry;

    @LocalServerPort
    int port;

    @Test
    void aServiceThatRegistersLaterIsReachedAndOneThatLeavesIsNoLongerCalled() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();   // the first call starts a lot
        client.get().uri("/api/service-items").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("petition-service"));

        InstanceProperties instance = new InstanceProperties();
        instance.setServiceId("petition-service");
        instance.setUri(URI.create(PETITION_SERVICE.uri()));
        registry.setInstances(Map.of("petition-service", List.of(instance)));

        client.get().uri("/api/service-items").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/service-items");

        registry.setInstances(Map.of());

        client.get().uri("/api/service-items").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
