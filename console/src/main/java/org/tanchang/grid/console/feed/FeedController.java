package org.tanchang.grid.console.feed;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

/** The console's live feed: what happens in the caller's areas, as it happens (Server-Sent Events). */
@RestController
class FeedController {

    private final LiveFeed feed;

    FeedController(LiveFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/console/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "openLiveFeed", summary = "Follow what happens in my areas",
            description = "Server-Sent Events named `matter`, one per patrol report, incident, hazard, dispute, "
                    + "follow-up visit, service request or risk warning event in the caller's areas: its type, domain, "
                    + "matter id, grid or area code and time, nothing personal. Read the matter through its own "
                    + "endpoint. Best effort: after a reconnect, read the lists again.")
    SseEmitter open(Caller caller) {
        return feed.open(caller.scope());
    }
}
