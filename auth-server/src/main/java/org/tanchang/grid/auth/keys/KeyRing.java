package org.tanchang.grid.auth.keys;

import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

/** The keys the JWKS publishes, and the one that signs new tokens (always one of the published). */
interface KeyRing {

    /** Every key a token may still be signed with (public parts go to {@code /oauth2/jwks}). */
    List<RSAKey> published();

    /** The key new tokens are signed with. */
    RSAKey signing();

    /** One configured key (PEM files): publishes and signs with it, nothing stored. */
    static KeyRing fixed(RSAKey key) {
        return new KeyRing() {
            @Override
            public List<RSAKey> published() {
                return List.of(key);
            }

            @Override
            public RSAKey signing() {
                return key;
            }
        };
    }
}
