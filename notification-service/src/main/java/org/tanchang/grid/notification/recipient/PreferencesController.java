package org.tanchang.grid.notification.recipient;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.notification.inbox.ProblemResponses.Invalid;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;

/** The caller's own notification preferences: every signed-in person sets only their own. */
@RestController
@RequestMapping("/api/notifications/preferences")
@Tag(name = "Notification preferences", description = "Which kinds of message a person wants, on which channels, "
        + "in which language and outside which quiet hours; a citizen opts in by setting them")
class PreferencesController {

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.NOTIFICATIONS_READ)
    @Operation(operationId = "getNotificationPreferences",
            summary = "Get my preferences", description = "The caller's own preferences; someone who never set "
            + "any has the inbox only, in the default language.")
    @ApiResponse(responseCode = "200", description = "The caller's preferences")
    PreferencesView get(Caller caller) {
        return preferences.mine(caller);
    }

    @PutMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.NOTIFICATIONS_WRITE)
    @Operation(operationId = "setNotificationPreferences",
            summary = "Set my preferences", description = "Replaces the caller's preferences as a whole. A "
            + "citizen who sets them opts in to e-mail or SMS about their own cases, lost items and requests. The "
            + "mobile is stored encrypted and shown masked. Idempotent.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"language":"zh-CN","channels":["EMAIL"],"mutedKinds":[],"quietHours":{"from":"22:00","to":"07:00"},
             "email":"yang.laohan@example.cn","mobile":"13800138000"}""")))
    @ApiResponse(responseCode = "200", description = "The preferences as stored")
    @Invalid("Invalid preferences (a channel without its address, a bad "
            + "mobile, language or time); nothing is stored")
    PreferencesView put(Caller caller, @Valid @RequestBody PreferencesRequest request) {
        return preferences.set(caller, request);
    }
}
