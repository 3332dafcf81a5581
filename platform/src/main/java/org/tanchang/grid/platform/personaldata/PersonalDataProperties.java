package org.tanchang.grid.platform.personaldata;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Keys for personal data, all base64 of 32 random bytes ({@code head -c32 /dev/urandom | base64}).
 *
 * <p>The active key comes from {@code active-key} (its id) and {@code key} (its material) so that one pair of
 * environment variables, {@code PERSONAL_DATA_KEY_ID} and {@code PERSONAL_DATA_KEY}, replaces the development key
 * entirely. Keys retired by a rotation stay in {@code keys} so what they encrypted remains readable, e.g.
 * {@code TANCHANG_PERSONALDATA_KEYS_PROD2025=<base64>} (ids bound from environment variables are lower-case).
 *
 * <p>A Tink keyset ({@code PERSONAL_DATA_KEYSET}, JSON or base64 of it) takes over the writing: its primary key
 * encrypts new values, rotation is adding a key to it and making that one primary, and the raw keys above stay only
 * to read what they wrote.
 *
 * @param activeKey id of the key new ciphertexts are written with; stored in every ciphertext
 * @param key       material of the active key (optional if {@code keys} holds the active id)
 * @param keys      further keys by id, for reading ciphertexts written before a rotation
 * @param hashKey   the separate key of the keyed search hash; changing it means recomputing every stored hash
 * @param keyset    Tink AEAD keyset whose primary writes, or empty: then the active raw key writes
 */
@ConfigurationProperties("tanchang.personal-data")
public record PersonalDataProperties(String activeKey, String key, Map<String, String> keys, String hashKey,
        String keyset) {

    @ConstructorBinding
    public PersonalDataProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** Raw keys only, no keyset. */
    public PersonalDataProperties(String activeKey, String key, Map<String, String> keys, String hashKey) {
        this(activeKey, key, keys, hashKey, null);
    }
}
