package org.tanchang.grid.console.feed;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.contracts.Topics;

/** The topics the live feed follows: what appears on a command centre's map and boards as it happens. */
@Configuration(proxyBeanMethods = false)
class FeedTopics {

    static final List<String> FOLLOWED = List.of(Topics.PATROL_REPORTS, Topics.INCIDENTS, Topics.HAZARDS,
            Topics.DISPUTES, Topics.FOLLOW_UP_VISITS, Topics.REQUESTS, Topics.RISK_WARNINGS);

    @Bean
    String[] followedTopics() {
        return FOLLOWED.toArray(String[]::new);
    }
}
