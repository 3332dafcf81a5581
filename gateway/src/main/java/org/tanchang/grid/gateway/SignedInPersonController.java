package org.tanchang.grid.gateway;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console's "who am I"; without a session the console's chain answers 401 before this runs. */
@RestController
class SignedInPersonController {

    @GetMapping("/bff/user")
    SignedInPerson user(@AuthenticationPrincipal OidcUser user) {
        return SignedInPerson.of(user);
    }
}
