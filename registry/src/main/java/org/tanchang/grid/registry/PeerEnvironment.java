package org.tanchang.grid.registry;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns a standalone registry into one replica of a peer group when {@code EUREKA_PEERS} (comma-separated
 * {@code http://host:port/eureka/} URLs) is set. YAML placeholders cannot switch two booleans on the presence of
 * another variable, and a profile would have to be remembered next to the variable in every deployment.
 *
 * <p>Each replica may list every replica, itself included: Eureka drops the URL whose host equals its own
 * {@code eureka.instance.hostname}, so give every replica its own {@code EUREKA_INSTANCE_HOSTNAME}.
 */
class PeerEnvironment implements EnvironmentPostProcessor {

    static final String PEERS = "EUREKA_PEERS";
    static final String SOURCE_NAME = "eurekaPeers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String peers = environment.getProperty(PEERS, "").trim();
        if (peers.isEmpty()) {
            return;
        }
        // First in line: application.yml says "standalone" (false/false), and the variable must win over it.
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, Map.of(
                "eureka.client.register-with-eureka", "true",
                "eureka.client.fetch-registry", "true",
                "eureka.client.service-url.defaultZone", peers)));
    }
}
