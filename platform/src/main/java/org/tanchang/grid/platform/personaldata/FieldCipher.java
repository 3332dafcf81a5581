package org.tanchang.grid.platform.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of single field values. A ciphertext is one string, {@code v1:<keyId>:<base64(IV ||
 * ciphertext+tag)>}, so it fits in any string field and carries what is needed to decrypt it later: the format
 * version (to change algorithms without guessing) and the key id (to rotate keys: new writes use the active key,
 * old ciphertexts are read with the key they name for as long as it stays configured).
 *
 * <p>The IV is 12 random bytes per encryption; with random IVs one key should not encrypt much more than 2^32
 * values, far beyond this suite's volume. The caller's context (e.g. {@code resident.idNumber}) is the GCM
 * associated data, so a ciphertext copied into another field, or another kind of document, fails to decrypt.
 */
public final class FieldCipher {

    static final String VERSION = "v1";
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param keys raw 32-byte keys by id; {@code activeKeyId} must be one of them */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        if (activeKeyId == null || activeKeyId.isBlank()) {
            throw new IllegalStateException("no active personal-data key: set tanchang.personal-data.active-key "
                    + "(env PERSONAL_DATA_KEY_ID) and its key (env PERSONAL_DATA_KEY)");
        }
        Map<String, SecretKey> checked = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("personal-data key id '" + id
                        + "' is not allowed: use 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (bytes == null || bytes.length != KEY_BYTES) {
                throw new IllegalStateException("personal-data key '" + id + "' has "
                        + (bytes == null ? 0 : bytes.length) + " bytes; AES-256 needs exactly " + KEY_BYTES
                        + " (base64 of 32 random bytes: head -c32 /dev/urandom | base64)");
            }
            checked.put(id, new SecretKeySpec(bytes.clone(), "AES"));
        });
        if (!checked.containsKey(activeKeyId)) {
            throw new IllegalStateException("the active personal-data key '" + activeKeyId
                    + "' is not configured: set tanchang.personal-data.key (env PERSONAL_DATA_KEY)");
        }
        this.keys = Map.copyOf(checked);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Reads the keys of the configuration. Refuses (IllegalStateException) a missing key, a key that is not base64
     * or not 32 bytes, and the active id given two different materials, so a service never starts half-configured.
     */
    public static FieldCipher from(PersonalDataProperties properties) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> keys.put(id, decodeKey("tanchang.personal-data.keys." + id, base64)));
        String active = properties.activeKey();
        if (properties.key() != null && !properties.key().isBlank() && active != null) {
            byte[] material = decodeKey("tanchang.personal-data.key", properties.key());
            byte[] listed = keys.get(active);
            if (listed != null && !java.util.Arrays.equals(listed, material)) {
                throw new IllegalStateException("personal-data key '" + active + "' is configured twice with "
                        + "different material (tanchang.personal-data.key and tanchang.personal-data.keys)");
            }
            keys.put(active, material);
        }
        return new FieldCipher(keys, active);
    }

    static byte[] decodeKey(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is empty: it must be base64 of " + KEY_BYTES + " random bytes");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64", e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Encrypts with the active key; {@code null} stays {@code null}. */
    public String encrypt(String context, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        requireContext(context);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts with the key the ciphertext names; {@code null} stays {@code null}.
     *
     * @throws CiphertextException malformed, unknown key id, or failed authentication (tampered or wrong context)
     */
    public String decrypt(String context, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        requireContext(context);
        String[] parts = ciphertext.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new CiphertextException(CiphertextException.Reason.MALFORMED, "the value of " + context
                    + " is not a " + VERSION + " ciphertext (expected " + VERSION + ":<keyId>:<base64>)");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new CiphertextException(CiphertextException.Reason.UNKNOWN_KEY, "the value of " + context
                    + " was encrypted with key '" + parts[1] + "', which is not configured (configured: "
                    + new TreeSet<>(keys.keySet()) + "); a retired key must stay in tanchang.personal-data.keys "
                    + "until every value it encrypted has been re-encrypted");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CiphertextException(CiphertextException.Reason.MALFORMED,
                    "the value of " + context + " is not valid base64");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new CiphertextException(CiphertextException.Reason.MALFORMED,
                    "the value of " + context + " is too short to be a ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CiphertextException(CiphertextException.Reason.TAMPERED, "the value of " + context
                    + " failed authentication: it was altered, copied from another field, or key '" + parts[1]
                    + "' is not the key it was written with");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The key id a ciphertext names, to find values still encrypted with a key being retired. */
    public static String keyIdOf(String ciphertext) {
        String[] parts = ciphertext.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new CiphertextException(CiphertextException.Reason.MALFORMED, "not a " + VERSION + " ciphertext");
        }
        return parts[1];
    }

    private static void requireContext(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("a context (e.g. \"resident.idNumber\") is required: it binds the "
                    + "ciphertext to its field");
        }
    }
}
