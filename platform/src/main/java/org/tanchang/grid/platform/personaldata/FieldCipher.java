package org.tanchang.grid.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tanchang.grid.platform.crypto.CiphertextException;
import org.tanchang.grid.platform.crypto.KeysetCipher;

/**
 * Encryption of single field values, the personal-data face of {@link KeysetCipher} (Tink): strings in and out,
 * keys from {@link PersonalDataProperties}. With a keyset ({@code PERSONAL_DATA_KEYSET}) new values are written as
 * {@code v2:<base64>} under its primary key; without one as {@code v1:<keyId>:<base64>} under the raw key
 * {@code PERSONAL_DATA_KEY_ID}/{@code PERSONAL_DATA_KEY}. Both read every configured key, so values written before a
 * rotation or before the keyset stay readable.
 */
public final class FieldCipher {

    private final KeysetCipher cipher;

    FieldCipher(KeysetCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Reads the keys of the configuration. Refuses (IllegalStateException) a missing key, a key that is not base64
     * or not 32 bytes, the active id given two different materials and a keyset that is not one, so a service never
     * starts half-configured.
     */
    public static FieldCipher from(PersonalDataProperties properties) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> keys.put(id, KeysetCipher.decodeKey("tanchang.personal-data.keys." + id, base64)));
        String active = properties.activeKey();
        var keyset = KeysetCipher.parseKeyset("tanchang.personal-data.keyset (env PERSONAL_DATA_KEYSET)", properties.keyset());
        if (keyset == null && (active == null || active.isBlank())) {
            throw new IllegalStateException("no active personal-data key: set tanchang.personal-data.active-key "
                    + "(env PERSONAL_DATA_KEY_ID) and its key (env PERSONAL_DATA_KEY), or a keyset (env PERSONAL_DATA_KEYSET)");
        }
        if (properties.key() != null && !properties.key().isBlank() && active != null && !active.isBlank()) {
            byte[] material = KeysetCipher.decodeKey("tanchang.personal-data.key", properties.key());
            byte[] listed = keys.get(active);
            if (listed != null && !Arrays.equals(listed, material)) {
                throw new IllegalStateException("personal-data key '" + active + "' is configured twice with "
                        + "different material (tanchang.personal-data.key and tanchang.personal-data.keys)");
            }
            keys.put(active, material);
        }
        if (keyset == null && !keys.containsKey(active)) {
            throw new IllegalStateException("the active personal-data key '" + active
                    + "' is not configured: set tanchang.personal-data.key (env PERSONAL_DATA_KEY)");
        }
        return new FieldCipher(KeysetCipher.of("personal-data key", keyset, keys, active));
    }

    /** The id new ciphertexts carry (a keyset's primary key id, or the raw key's id). */
    public String activeKeyId() {
        return cipher.primaryKeyId();
    }

    /** Encrypts with the active key; {@code null} stays {@code null}. */
    public String encrypt(String context, String plaintext) {
        return plaintext == null ? null : cipher.encrypt(context, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decrypts with the key the ciphertext names; {@code null} stays {@code null}.
     *
     * @throws CiphertextException malformed, unknown key id, or failed authentication (tampered or wrong context)
     */
    public String decrypt(String context, String ciphertext) {
        return ciphertext == null ? null : new String(cipher.decrypt(context, ciphertext), StandardCharsets.UTF_8);
    }

    /** Whether a ciphertext was written with the active key, i.e. a rotation has reached it. */
    boolean writtenWithActiveKey(String ciphertext) {
        return cipher.writtenWithPrimary(ciphertext);
    }

    /** The key id a ciphertext names, to find values still encrypted with a key being retired. */
    public static String keyIdOf(String ciphertext) {
        return KeysetCipher.keyIdOf(ciphertext);
    }
}
