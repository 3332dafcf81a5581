package org.tanchang.grid.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class PeerEnvironmentTest {

    @Test
    void withoutPeersTheRegistryStaysStandalone() {
        StandardEnvironment environment = environmentWith(new MockPropertySource());

        new PeerEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getPropertySources().contains(PeerEnvironment.SOURCE_NAME)).isFalse();
    }

    @Test
    void peersTurnOnRegistrationAndFetchingFromThem() {
        String peers = "http://registry-1:8761/eureka/,http://registry-2:8761/eureka/";
        StandardEnvironment environment = environmentWith(new MockPropertySource()
                .withProperty("EUREKA_PEERS", peers)
                .withProperty("eureka.client.register-with-eureka", "false"));

        new PeerEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("eureka.client.register-with-eureka")).isEqualTo("true");
        assertThat(environment.getProperty("eureka.client.fetch-registry")).isEqualTo("true");
        assertThat(environment.getProperty("eureka.client.service-url.defaultZone")).isEqualTo(peers);
    }

    private static StandardEnvironment environmentWith(MockPropertySource source) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(source);
        return environment;
    }
}
