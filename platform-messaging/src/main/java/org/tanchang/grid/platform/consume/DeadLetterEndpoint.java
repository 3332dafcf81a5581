package org.tanchang.grid.platform.consume;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/** {@code POST /actuator/deadletters/{topic}} replays that topic's dead letters: an operator's tool, not an API. */
@Endpoint(id = "deadletters")
class DeadLetterEndpoint {

    private final DeadLetterReplayer replayer;

    DeadLetterEndpoint(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @WriteOperation
    Map<String, Object> replay(@Selector String topic) throws Exception {
        return Map.of("topic", topic, "replayed", replayer.replay(topic));
    }
}
