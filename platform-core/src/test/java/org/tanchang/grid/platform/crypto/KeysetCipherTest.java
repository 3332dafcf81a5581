package org.tanchang.grid.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeysetCipherTest {

    private static final String CONTEXT = "resident.phone";
    private static final String PHONE = "13800138000";

    /** The public development keys of tanchang-platform-defaults.yml and the auth server's application.yml. */
    private static final byte[] DEV_PERSONAL_DATA_KEY = Base64.getDecoder().decode("jCec2NRLipFt/uBO/tJHYj+8exAeB88lnw5mVNtP0B0=");
    private static final byte[] DEV_AUTH_KEY = Base64.getDecoder().decode("iqGU1scui7wwnMsBufMZvI1HkdaudTeI8x7SFmadpmQ=");

    /** Written by the suite's own AES-GCM before Tink (FieldCipher and KeyEncryption of the previous release). */
    private static final String STORED_PERSONAL_DATA = "v1:dev-not-secret:MpRR393z8gt8VqfJI0hwq4AKBBKixv3RuXVGG+ywdmfCYz4QrILu";
    private static final String STORED_SIGNING_KEY = "v1:l9TG/3B+iNpLlh4YUUlnZCYckJ5BEk8W21NguNilGuyOmJF/e9WF";

    /** Key generation as tinkey does it (KeysetCipher registers Tink's AEADs only once it is first used). */
    @BeforeAll
    static void registerTinksAeads() throws GeneralSecurityException {
        AeadConfig.register();
    }

    private static KeysetHandle newKeyset() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    /** Tink's rotation: the same keyset with one more key, made primary. */
    private static KeysetHandle rotate(KeysetHandle keyset) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(keyset).addEntry(KeysetHandle.generateEntryFromParameters(
                PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary()).build();
    }

    private static KeysetCipher keysetOnly(KeysetHandle keyset) {
        return KeysetCipher.of("test key", keyset, Map.of(), null);
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    @Test
    void aKeysetWritesTinksFormatUnderItsPrimaryWithAFreshIvEachTime() throws Exception {
        KeysetHandle keyset = newKeyset();
        KeysetCipher cipher = keysetOnly(keyset);

        String first = cipher.encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8));
        String second = cipher.encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8));

        assertThat(first).startsWith("v2:").doesNotContain(PHONE).isNotEqualTo(second);
        byte[] raw = Base64.getDecoder().decode(first.substring(3));
        assertThat(raw).hasSize(5 + 12 + PHONE.length() + 16);   // Tink prefix (key id) + IV + ciphertext + tag
        assertThat(KeysetCipher.keyIdOf(first)).isEqualTo(cipher.primaryKeyId())
                .isEqualTo(Integer.toUnsignedString(keyset.getPrimary().getId()));
        assertThat(new String(cipher.decrypt(CONTEXT, first), StandardCharsets.UTF_8)).isEqualTo(PHONE);
        assertThat(new String(cipher.decrypt(CONTEXT, second), StandardCharsets.UTF_8)).isEqualTo(PHONE);
    }

    @Test
    void afterARotationOldKeysStillDecryptAndNewValuesUseThePrimary() throws Exception {
        KeysetHandle before = newKeyset();
        String underOld = keysetOnly(before).encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8));

        KeysetHandle after = rotate(before);
        KeysetCipher rotated = keysetOnly(after);
        assertThat(rotated.decrypt(CONTEXT, underOld)).asString(StandardCharsets.UTF_8).isEqualTo(PHONE);
        String underNew = rotated.encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8));
        assertThat(KeysetCipher.keyIdOf(underNew)).isEqualTo(Integer.toUnsignedString(after.getPrimary().getId()))
                .isNotEqualTo(KeysetCipher.keyIdOf(underOld));
        assertThat(rotated.writtenWithPrimary(underNew)).isTrue();
        assertThat(rotated.writtenWithPrimary(underOld)).as("still to re-encrypt").isFalse();

        // a keyset that dropped the old key too early names the key it misses
        KeysetHandle onlyNew = KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(after.getPrimary().getKey())
                .withFixedId(after.getPrimary().getId()).makePrimary()).build();
        assertThatThrownBy(() -> keysetOnly(onlyNew).decrypt(CONTEXT, underOld))
                .isInstanceOfSatisfying(CiphertextException.class,
                        e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.UNKNOWN_KEY))
                .hasMessageContaining("key '" + KeysetCipher.keyIdOf(underOld) + "'");
    }

    @Test
    void valuesStoredBeforeTinkStayReadableNextToAKeyset() throws Exception {
        KeysetCipher personalData = KeysetCipher.of("personal-data key", newKeyset(),
                Map.of("dev-not-secret", DEV_PERSONAL_DATA_KEY), "dev-not-secret");
        assertThat(personalData.decrypt(CONTEXT, STORED_PERSONAL_DATA)).asString(StandardCharsets.UTF_8).isEqualTo(PHONE);
        assertThat(personalData.encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8))).as("the keyset writes")
                .startsWith("v2:");
        assertThat(personalData.writtenWithPrimary(STORED_PERSONAL_DATA)).isFalse();

        KeysetCipher signingKeys = KeysetCipher.of("AUTH_KEY_ENCRYPTION_KEY", newKeyset(),
                Map.of(KeysetCipher.UNNAMED, DEV_AUTH_KEY), KeysetCipher.UNNAMED);
        assertThat(signingKeys.decrypt("rsa-1|kid|pub", STORED_SIGNING_KEY)).asString(StandardCharsets.UTF_8)
                .isEqualTo("pkcs8 bytes");
    }

    @Test
    void rawKeysAloneKeepWritingTheFormerFormatWhichTheFormerCodeReads() throws Exception {
        KeysetCipher named = KeysetCipher.of("personal-data key", null, Map.of("k1", DEV_PERSONAL_DATA_KEY), "k1");
        String written = named.encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8));
        assertThat(written).startsWith("v1:k1:");
        assertThat(named.primaryKeyId()).isEqualTo("k1");
        // what the release before Tink did to read it, so a rollback still reads what this one wrote
        assertThat(jceDecrypt(DEV_PERSONAL_DATA_KEY, CONTEXT, written.substring("v1:k1:".length()))).isEqualTo(PHONE);

        KeysetCipher unnamed = KeysetCipher.of("AUTH_KEY_ENCRYPTION_KEY", null, Map.of(KeysetCipher.UNNAMED, DEV_AUTH_KEY),
                KeysetCipher.UNNAMED);
        String sealed = unnamed.encrypt("rsa-2|kid|pub", PHONE.getBytes(StandardCharsets.UTF_8));
        assertThat(sealed).startsWith("v1:").doesNotContain("v1::");
        assertThat(jceDecrypt(DEV_AUTH_KEY, "rsa-2|kid|pub", sealed.substring(3))).isEqualTo(PHONE);
    }

    @Test
    void tamperedMovedOrMalformedCiphertextsAreRejectedWithoutThePlaintext() throws Exception {
        KeysetCipher cipher = KeysetCipher.of("test key", newKeyset(), Map.of("k1", DEV_PERSONAL_DATA_KEY), "k1");
        String good = cipher.encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8));
        byte[] raw = Base64.getDecoder().decode(good.substring(3));
        raw[raw.length - 3] ^= 1;
        String flipped = "v2:" + Base64.getEncoder().encodeToString(raw);

        for (String[] bad : new String[][] {{CONTEXT, flipped}, {"lostItem.ownerPhone", good},
                {CONTEXT, STORED_PERSONAL_DATA.replace("dev-not-secret", "k1").replace("M", "N")}}) {
            assertThatThrownBy(() -> cipher.decrypt(bad[0], bad[1])).as(bad[1])
                    .isInstanceOfSatisfying(CiphertextException.class,
                            e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.TAMPERED))
                    .hasMessageContaining(bad[0]).hasMessageNotContaining(PHONE);
        }
        assertThatThrownBy(() -> cipher.decrypt(CONTEXT, STORED_PERSONAL_DATA)).as("a raw key not configured")
                .isInstanceOfSatisfying(CiphertextException.class,
                        e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.UNKNOWN_KEY))
                .hasMessageContaining("'dev-not-secret'").hasMessageContaining("k1");
        for (String malformed : new String[] {"plain text", "v3:AAAA", "v2:a:AAAA", "v2:not base64!", "v2:AAAA",
                "v1:k1:AAAA"}) {
            assertThatThrownBy(() -> cipher.decrypt(CONTEXT, malformed)).as(malformed)
                    .isInstanceOfSatisfying(CiphertextException.class,
                            e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.MALFORMED));
        }
        assertThatThrownBy(() -> cipher.encrypt(" ", new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeysetIsReadFromJsonOrBase64AndRefusedWhenItIsNotOne() throws Exception {
        KeysetHandle keyset = newKeyset();
        String json = json(keyset);
        String written = keysetOnly(keyset).encrypt(CONTEXT, PHONE.getBytes(StandardCharsets.UTF_8));

        for (String setting : new String[] {json, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))}) {
            KeysetCipher parsed = keysetOnly(KeysetCipher.parseKeyset("X_KEYSET", setting));
            assertThat(parsed.decrypt(CONTEXT, written)).asString(StandardCharsets.UTF_8).isEqualTo(PHONE);
        }
        assertThat(KeysetCipher.parseKeyset("X_KEYSET", " ")).isNull();
        assertThatThrownBy(() -> KeysetCipher.parseKeyset("X_KEYSET", "%%%")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("X_KEYSET");
        assertThatThrownBy(() -> KeysetCipher.parseKeyset("X_KEYSET", "{\"key\": []}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("X_KEYSET is not a Tink AEAD keyset");
        String rawPrefix = json(KeysetHandle.generateNew(AesGcmParameters.builder().setKeySizeBytes(32)
                .setIvSizeBytes(12).setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build()));
        assertThatThrownBy(() -> KeysetCipher.parseKeyset("X_KEYSET", rawPrefix))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no output prefix");
    }

    @Test
    void rawKeysOfTheWrongSizeOrNameOrNoKeyToWriteWithRefuseToStart() {
        assertThatThrownBy(() -> KeysetCipher.of("personal-data key", null, Map.of("a", new byte[16]), "a"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a' has 16 bytes")
                .hasMessageContaining("exactly 32");
        assertThatThrownBy(() -> KeysetCipher.of("personal-data key", null, Map.of("a:b", DEV_AUTH_KEY), "a:b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> KeysetCipher.of("personal-data key", null, Map.of("a", DEV_AUTH_KEY), "b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'b' is not configured");
    }

    /** The previous release's decryption, with the JDK's AES-GCM. */
    private static String jceDecrypt(byte[] key, String context, String base64) throws GeneralSecurityException {
        byte[] in = Base64.getDecoder().decode(base64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    }
}
