package org.tanchang.grid.auth.keys;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One RS256 key pair in {@code signing_keys}. {@code id} is {@code rsa-<generation>}: fixed per generation, so two
 * instances creating the same generation at once collide on {@code _id} and the loser reads the winner's key.
 * {@code publicKey} is base64 X.509; {@code privateKey} is PKCS#8 sealed with AES-GCM under
 * {@code AUTH_KEY_ENCRYPTION_KEY} or the primary of {@code AUTH_KEY_ENCRYPTION_KEYSET} ({@link KeyEncryption}),
 * never plaintext.
 */
@Document(StoredSigningKeys.COLLECTION)
record SigningKeyDocument(
        @Id String id,
        int generation,
        String kid,
        Instant createdAt,
        boolean retired,
        String publicKey,
        String privateKey) {

    /** What the private key's ciphertext is bound to: this document's identity and public half. */
    String encryptionContext() {
        return id + "|" + kid + "|" + publicKey;
    }
}
