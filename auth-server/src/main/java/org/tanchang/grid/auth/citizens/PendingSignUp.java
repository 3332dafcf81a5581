package org.tanchang.grid.auth.citizens;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sign-up in progress, one per mobile number (the id is the number's keyed hash): the current code as a hash,
 * when it expires, wrong attempts so far, and when codes were sent (for the per-number limit). Never the number or
 * the code. Shared by every instance, so the limits hold however many run.
 */
@Document("sign_ups")
record PendingSignUp(@Id String mobileHash, String codeHash, Instant expiresAt, int attempts, List<Instant> sentAt) {

    PendingSignUp {
        sentAt = sentAt == null ? List.of() : List.copyOf(sentAt);
    }
}
