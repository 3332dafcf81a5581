package org.tanchang.grid.auth.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the private signing keys at rest ({@code AUTH_KEY_ENCRYPTION_KEY}). A sealed value is
 * {@code v1:<base64(IV || ciphertext+tag)>}; the stored key's id is the GCM associated data, so a ciphertext copied
 * onto another key document does not open. A wrong or changed encryption key fails loudly rather than signing with
 * garbage.
 */
final class KeyEncryption {

    /**
     * The development default of {@code tanchang.auth.signing-key.encryption-key} in application.yml. It is public,
     * so anybody with a copy of the database can read keys sealed with it.
     */
    static final String DEVELOPMENT_KEY = "iqGU1scui7wwnMsBufMZvI1HkdaudTeI8x7SFmadpmQ=";

    private static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final boolean developmentKey;
    private final SecureRandom random = new SecureRandom();

    KeyEncryption(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("tanchang.auth.signing-key.encryption-key (env AUTH_KEY_ENCRYPTION_KEY) is "
                    + "empty: it must be base64 of 32 random bytes (head -c32 /dev/urandom | base64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AUTH_KEY_ENCRYPTION_KEY is not valid base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("AUTH_KEY_ENCRYPTION_KEY has " + bytes.length + " bytes; AES-256 needs "
                    + KEY_BYTES + " (head -c32 /dev/urandom | base64)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.developmentKey = DEVELOPMENT_KEY.equals(base64Key.strip());
    }

    boolean isDevelopmentKey() {
        return developmentKey;
    }

    String seal(String context, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return VERSION + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @param context the associated data it was sealed with
     * @throws IllegalStateException malformed, or not sealed with this key for this context (the message continues
     *         a subject the caller names: "the private key of ... is not valid base64")
     */
    byte[] open(String context, String sealed) {
        String prefix = VERSION + ":";
        if (sealed == null || !sealed.startsWith(prefix)) {
            throw new IllegalStateException("is not a " + VERSION + " ciphertext");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("is not valid base64", e);
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("is too short to be a ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("cannot be decrypted with AUTH_KEY_ENCRYPTION_KEY: that key was changed since "
                    + "it was stored, or the document was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
