package org.tanchang.grid.platform.crypto;

/**
 * A stored ciphertext that cannot be decrypted. The message names the context and key id to help an operator, never
 * any part of the plaintext.
 */
public class CiphertextException extends RuntimeException {

    public enum Reason {
        /** Not a {@code v1:} or {@code v2:} ciphertext, not base64, or too short to hold an IV and a tag. */
        MALFORMED,
        /** Written with a key that is not configured (retired too early, or another environment's data). */
        UNKNOWN_KEY,
        /** Authentication failed: altered, moved from another field or document, or the key under that id changed. */
        TAMPERED
    }

    private final Reason reason;

    public CiphertextException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
