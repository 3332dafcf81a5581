package org.tanchang.grid.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Authenticated encryption of small stored values (a personal-data field, a private signing key) with Google Tink, on
 * a keyset: every key has an id, one is primary and writes, all of them read. A rotation is "add a key and make it
 * primary" ({@code tinkey add-key}, {@code tinkey promote-key}); what older keys wrote stays readable while they stay
 * in the keyset. The caller's context (e.g. {@code resident.idNumber}) is the associated data, so a ciphertext copied
 * into another field or document fails to decrypt.
 *
 * <p>A ciphertext is one string whose prefix says how to read it:
 * <ul>
 *   <li>{@code v2:<base64>}: Tink's ciphertext, whose first 5 bytes name the key that wrote it. Written whenever a
 *       keyset is configured ({@link #parseKeyset}).</li>
 *   <li>{@code v1:<name>:<base64>} or {@code v1:<base64>}: what the suite wrote before Tink, IV (12 bytes) ||
 *       ciphertext || tag (16 bytes) under a raw AES-256 key, named (personal data) or the single unnamed one (the
 *       auth server). That is exactly Tink's AES-GCM without an output prefix, so Tink reads stored data byte for
 *       byte; a configuration with raw keys only keeps writing it until it is given a keyset.</li>
 * </ul>
 * Random 12-byte IVs: one key should not encrypt much more than 2^32 values, far beyond this suite's volume.
 */
public final class KeysetCipher {

    static final String RAW = "v1";
    static final String TINK = "v2";
    /** The name of the one raw key of a configuration that does not name its key (the auth server's). */
    public static final String UNNAMED = "";
    public static final int RAW_KEY_BYTES = 32;

    private static final int IV_AND_TAG_BYTES = 12 + 16;
    private static final int TINK_PREFIX_BYTES = 5;
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final AesGcmParameters RAW_AES256_GCM;

    static {
        try {
            AeadConfig.register();
            RAW_AES256_GCM = AesGcmParameters.builder().setKeySizeBytes(RAW_KEY_BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle keyset;
    private final Aead keysetAead;
    private final Set<String> keysetIds;
    private final Map<String, Aead> raw;
    private final String rawPrimary;

    private KeysetCipher(KeysetHandle keyset, Aead keysetAead, Map<String, Aead> raw, String rawPrimary) {
        this.keyset = keyset;
        this.keysetAead = keysetAead;
        this.keysetIds = keyset == null ? Set.of() : IntStream.range(0, keyset.size()).mapToObj(keyset::getAt)
                .filter(entry -> entry.getStatus() == KeyStatus.ENABLED)
                .map(entry -> Integer.toUnsignedString(entry.getId())).collect(Collectors.toUnmodifiableSet());
        this.raw = Map.copyOf(raw);
        this.rawPrimary = rawPrimary;
    }

    /**
     * @param what       how messages name these keys, e.g. {@code "personal-data key"}
     * @param keyset     a keyset ({@link #parseKeyset}) whose primary writes, or {@code null}: then {@code rawPrimary}
     * @param rawKeys    raw AES-256 keys by name ({@link #UNNAMED} for a single unnamed one): read what was written
     *                   before the keyset; without a keyset one of them writes
     * @param rawPrimary the raw key that writes when there is no keyset
     * @throws IllegalStateException a raw key that is not 32 bytes or has a name that cannot be written in a
     *                               ciphertext, or no key to write with
     */
    public static KeysetCipher of(String what, KeysetHandle keyset, Map<String, byte[]> rawKeys, String rawPrimary) {
        Map<String, Aead> raw = new LinkedHashMap<>();
        rawKeys.forEach((name, bytes) -> {
            String named = name.isEmpty() ? what : what + " '" + name + "'";
            if (!name.isEmpty() && !KEY_NAME.matcher(name).matches()) {
                throw new IllegalStateException(named + " is not allowed: use 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (bytes == null || bytes.length != RAW_KEY_BYTES) {
                throw new IllegalStateException(named + " has " + (bytes == null ? 0 : bytes.length)
                        + " bytes; AES-256 needs exactly " + RAW_KEY_BYTES
                        + " (base64 of 32 random bytes: openssl rand -base64 32)");
            }
            try {
                raw.put(name, AesGcmJce.create(AesGcmKey.builder().setParameters(RAW_AES256_GCM)
                        .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get())).build()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available in this JVM", e);
            }
        });
        if (keyset == null && (rawPrimary == null || !raw.containsKey(rawPrimary))) {
            throw new IllegalStateException("the active " + what + " '" + rawPrimary + "' is not configured");
        }
        try {
            Aead keysetAead = keyset == null ? null : keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new KeysetCipher(keyset, keysetAead, raw, keyset == null ? rawPrimary : null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the " + what + " keyset is not an AEAD keyset: " + e.getMessage(), e);
        }
    }

    /**
     * A keyset as an environment variable gives it: Tink's JSON ({@code tinkey create-keyset --key-template
     * AES256_GCM --out-format json}), or base64 of that JSON; {@code null} for an empty setting.
     *
     * @param setting what to name in errors, e.g. {@code PERSONAL_DATA_KEYSET}
     * @throws IllegalStateException not a keyset, not AEAD, no primary, or a key without Tink's output prefix (whose
     *                               ciphertexts would not name their key)
     */
    public static KeysetHandle parseKeyset(String setting, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String json = value.strip();
        if (!json.startsWith("{")) {
            try {
                json = new String(Base64.getDecoder().decode(json), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + " is neither a JSON keyset nor base64 of one", e);
            }
        }
        KeysetHandle keyset;
        try {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(setting + " is not a Tink AEAD keyset with a primary key (tinkey "
                    + "create-keyset --key-template AES256_GCM --out-format json): " + e.getMessage(), e);
        }
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getKey().getIdRequirementOrNull() == null) {
                throw new IllegalStateException(setting + ": key " + Integer.toUnsignedString(keyset.getAt(i).getId())
                        + " has no output prefix (RAW), so its ciphertexts would not name it; use TINK keys");
            }
        }
        return keyset;
    }

    /** Base64 of a raw key, refused with the property's name when empty or not base64. */
    public static byte[] decodeKey(String property, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is empty: it must be base64 of " + RAW_KEY_BYTES + " random bytes");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64", e);
        }
    }

    /** The id new ciphertexts carry: the keyset primary's (decimal, as tinkey lists it), else the raw key's name. */
    public String primaryKeyId() {
        return keyset != null ? Integer.toUnsignedString(keyset.getPrimary().getId()) : rawPrimary;
    }

    /** Whether a ciphertext was written with the primary key, i.e. a rotation has reached it. */
    public boolean writtenWithPrimary(String ciphertext) {
        Sealed sealed = Sealed.parse(ciphertext, "the value");
        return sealed.version().equals(keyset != null ? TINK : RAW) && sealed.keyId().equals(primaryKeyId());
    }

    /** The key id a ciphertext names (a raw key's name, or a keyset key's decimal id), to find what a key wrote. */
    public static String keyIdOf(String ciphertext) {
        return Sealed.parse(ciphertext, "the value").keyId();
    }

    /** Encrypts with the primary key. */
    public String encrypt(String context, byte[] plaintext) {
        byte[] associatedData = associatedData(context);
        try {
            if (keysetAead != null) {
                return TINK + ":" + Base64.getEncoder().encodeToString(keysetAead.encrypt(plaintext, associatedData));
            }
            return RAW + ":" + (rawPrimary.isEmpty() ? "" : rawPrimary + ":")
                    + Base64.getEncoder().encodeToString(raw.get(rawPrimary).encrypt(plaintext, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD encryption failed", e);
        }
    }

    /**
     * Decrypts with the key the ciphertext names.
     *
     * @throws CiphertextException malformed, unknown key, or failed authentication (tampered or wrong context)
     */
    public byte[] decrypt(String context, String ciphertext) {
        byte[] associatedData = associatedData(context);
        Sealed sealed = Sealed.parse(ciphertext, "the value of " + context);
        Aead aead = sealed.version().equals(TINK) ? (keysetIds.contains(sealed.keyId()) ? keysetAead : null)
                : raw.get(sealed.keyId());
        if (aead == null) {
            Set<String> configured = new TreeSet<>(keysetIds);
            raw.keySet().forEach(name -> configured.add(name.isEmpty() ? "(unnamed)" : name));
            throw new CiphertextException(CiphertextException.Reason.UNKNOWN_KEY, "the value of " + context
                    + " was encrypted with key '" + sealed.keyId() + "', which is not configured (configured: "
                    + configured + "); a retired key must stay configured until every value it encrypted has been "
                    + "re-encrypted");
        }
        try {
            return aead.decrypt(sealed.bytes(), associatedData);
        } catch (GeneralSecurityException e) {
            throw new CiphertextException(CiphertextException.Reason.TAMPERED, "the value of " + context
                    + " failed authentication: it was altered, copied from another field, or key '" + sealed.keyId()
                    + "' is not the key it was written with");
        }
    }

    private static byte[] associatedData(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("a context (e.g. \"resident.idNumber\") is required: it binds the "
                    + "ciphertext to its field");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }

    /** A ciphertext's parts: its format version, the key it names, and Tink's bytes (with the prefix for v2). */
    private record Sealed(String version, String keyId, byte[] bytes) {

        static Sealed parse(String text, String subject) {
            String[] parts = text.split(":", -1);
            boolean tink = parts.length == 2 && TINK.equals(parts[0]);
            if (!tink && !((parts.length == 2 || parts.length == 3) && RAW.equals(parts[0]))) {
                throw malformed(subject + " is not a ciphertext (expected " + TINK + ":<base64> or " + RAW
                        + ":<keyId>:<base64>)");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(parts[parts.length - 1]);
            } catch (IllegalArgumentException e) {
                throw malformed(subject + " is not valid base64");
            }
            if (bytes.length < IV_AND_TAG_BYTES + (tink ? TINK_PREFIX_BYTES : 0)) {
                throw malformed(subject + " is too short to be a ciphertext");
            }
            String keyId = tink ? Integer.toUnsignedString(ByteBuffer.wrap(bytes, 1, 4).getInt())
                    : parts.length == 3 ? parts[1] : UNNAMED;
            return new Sealed(tink ? TINK : RAW, keyId, bytes);
        }

        private static CiphertextException malformed(String message) {
            return new CiphertextException(CiphertextException.Reason.MALFORMED, message);
        }
    }
}
