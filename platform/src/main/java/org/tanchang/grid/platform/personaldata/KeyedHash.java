package org.tanchang.grid.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tanchang.grid.platform.crypto.KeysetCipher;

/**
 * HMAC-SHA256 of a normalised value, hex, stored next to a ciphertext so a document can be found by an exact
 * value ("the lost-property report with this ID number") without storing the plaintext. Keyed, because a plain
 * hash of an 18-digit ID number or an 11-digit phone number is reversed by trying every number; without the key
 * nobody can. Deliberately without the field context: the same ID number hashes the same in every field and
 * service, so one search finds a person's records across them.
 *
 * <p>The key is separate from the encryption keys and is not rotated like them: a new hash key means recomputing
 * every stored hash (decrypt, hash, write). The JDK's HMAC, not Tink: Tink's HMAC PRF gives these very bytes but
 * brings its keyset rotation, which a search hash cannot use (one value must hash one way), for more code.
 */
public final class KeyedHash {

    static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public KeyedHash(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("the personal-data hash key has " + (key == null ? 0 : key.length)
                    + " bytes; it needs at least " + MIN_KEY_BYTES
                    + " (tanchang.personal-data.hash-key, env PERSONAL_DATA_HASH_KEY: base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public static KeyedHash from(PersonalDataProperties properties) {
        return new KeyedHash(KeysetCipher.decodeKey("tanchang.personal-data.hash-key", properties.hashKey()));
    }

    /** The hash of a value already in its canonical form; {@code null} stays {@code null}. */
    public String hash(String normalised) {
        if (normalised == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The hash of a value after the masker's normalisation ({@code x} → {@code X}, {@code +86} removed ...). */
    public String hash(String plain, Masker masker) {
        return plain == null ? null : hash(masker.normalise(plain));
    }
}
