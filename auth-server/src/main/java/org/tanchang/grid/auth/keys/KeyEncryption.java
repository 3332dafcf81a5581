package org.tanchang.grid.auth.keys;

import java.util.Map;

import org.tanchang.grid.platform.crypto.CiphertextException;
import org.tanchang.grid.platform.crypto.KeysetCipher;

/**
 * The private signing keys at rest, sealed with the platform's {@link KeysetCipher} (Tink). With a keyset
 * ({@code AUTH_KEY_ENCRYPTION_KEYSET}) new keys are sealed as {@code v2:<base64>} under its primary key; without one
 * as {@code v1:<base64>} under the raw key {@code AUTH_KEY_ENCRYPTION_KEY}, which keeps opening what it sealed in
 * either case. The stored key's identity is the associated data, so a ciphertext copied onto another key document
 * does not open. A wrong or changed encryption key fails loudly rather than signing with garbage.
 */
final class KeyEncryption {

    /**
     * The development default of {@code tanchang.auth.signing-key.encryption-key} in application.yml. It is public,
     * so anybody with a copy of the database can read keys sealed with it.
     */
    static final String DEVELOPMENT_KEY = "iqGU1scui7wwnMsBufMZvI1HkdaudTeI8x7SFmadpmQ=";

    private final KeysetCipher cipher;
    private final boolean developmentKey;

    KeyEncryption(String base64Key) {
        this(base64Key, null);
    }

    /** @param keyset Tink keyset (JSON or base64 of it) that seals new keys, or empty: the raw key does */
    KeyEncryption(String base64Key, String keyset) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("tanchang.auth.signing-key.encryption-key (env AUTH_KEY_ENCRYPTION_KEY) is "
                    + "empty: it must be base64 of 32 random bytes (head -c32 /dev/urandom | base64)");
        }
        this.cipher = KeysetCipher.of("AUTH_KEY_ENCRYPTION_KEY",
                KeysetCipher.parseKeyset("AUTH_KEY_ENCRYPTION_KEYSET", keyset),
                Map.of(KeysetCipher.UNNAMED, KeysetCipher.decodeKey("AUTH_KEY_ENCRYPTION_KEY", base64Key)),
                KeysetCipher.UNNAMED);
        this.developmentKey = DEVELOPMENT_KEY.equals(base64Key.strip());
    }

    /** Whether new keys are sealed with the public development key (a keyset, when given, seals instead). */
    boolean isDevelopmentKey() {
        return developmentKey && KeysetCipher.UNNAMED.equals(cipher.primaryKeyId());
    }

    String seal(String context, byte[] plaintext) {
        return cipher.encrypt(context, plaintext);
    }

    /**
     * @param context the associated data it was sealed with
     * @throws IllegalStateException malformed, or not sealed with these keys for this context (the message continues
     *         a subject the caller names: "the private key of ... is not valid base64")
     */
    byte[] open(String context, String sealed) {
        try {
            return cipher.decrypt(context, sealed == null ? "" : sealed);
        } catch (CiphertextException e) {
            throw new IllegalStateException(switch (e.reason()) {
                case MALFORMED -> "is not a v1 or v2 ciphertext";
                case UNKNOWN_KEY -> "was sealed with key '" + KeysetCipher.keyIdOf(sealed) + "', which is neither "
                        + "AUTH_KEY_ENCRYPTION_KEY nor in AUTH_KEY_ENCRYPTION_KEYSET";
                case TAMPERED -> "cannot be decrypted with AUTH_KEY_ENCRYPTION_KEY or AUTH_KEY_ENCRYPTION_KEYSET: that "
                        + "key was changed since it was stored, or the document was altered";
            }, e);
        }
    }
}
