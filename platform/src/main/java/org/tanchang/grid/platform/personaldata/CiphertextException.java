package org.tanchang.grid.platform.personaldata;

/**
 * A stored ciphertext that cannot be decrypted. The message names the field context and key id to help an
 * operator, never any part of the plaintext.
 */
public class CiphertextException extends RuntimeException {

    public enum Reason {
        /** Not a {@code v1:<keyId>:<base64>} string, or too short to hold an IV and a tag. */
        MALFORMED,
        /** Written with a key id that is not configured (retired too early, or another environment's data). */
        UNKNOWN_KEY,
        /** GCM authentication failed: altered, or moved from another field, or the key under that id changed. */
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
