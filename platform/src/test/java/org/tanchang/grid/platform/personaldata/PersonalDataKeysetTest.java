package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A county moving its personal data onto a Tink keyset (PERSONAL_DATA_KEYSET): what its database holds from before
 * stays readable and findable, new values are written under the keyset's primary key, and a rotation of the keyset
 * keeps both readable.
 */
class PersonalDataKeysetTest {

    /** A phone number as the release before Tink stored it under the development key of the platform defaults. */
    private static final ProtectedValue STORED_BEFORE = new ProtectedValue(
            "v1:dev-not-secret:MpRR393z8gt8VqfJI0hwq4AKBBKixv3RuXVGG+ywdmfCYz4QrILu",
            "cc6639c8a8dcae26d3bb77d4f18da38c6321ae4d08be2be3363abc7a73af252d", "138****8000");

    private final ApplicationContextRunner runner = PersonalDataConfigurationTest.platformDefaults();

    @BeforeAll
    static void registerTinksAeads() throws GeneralSecurityException {
        AeadConfig.register();
    }

    @Test
    void withoutAKeysetStoredValuesReadAndFindAsBefore() {
        runner.run(context -> {
            PersonalData data = context.getBean(PersonalData.class);
            assertThat(data.reveal("resident.phone", STORED_BEFORE)).isEqualTo("13800138000");
            assertThat(data.searchHash("+86 138 0013 8000", Masker.MOBILE)).as("the same search hash bytes")
                    .isEqualTo(STORED_BEFORE.hash());
            assertThat(data.needsReencryption(STORED_BEFORE)).isFalse();
        });
    }

    @Test
    void aKeysetWritesNewValuesWhileTheRawKeyKeepsReadingTheOldOnes() throws Exception {
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String primary = Integer.toUnsignedString(keyset.getPrimary().getId());

        runner.withPropertyValues("PERSONAL_DATA_KEYSET=" + json(keyset)).run(context -> {
            PersonalData data = context.getBean(PersonalData.class);
            assertThat(context.getBean(FieldCipher.class).activeKeyId()).isEqualTo(primary);
            assertThat(data.reveal("resident.phone", STORED_BEFORE)).isEqualTo("13800138000");

            ProtectedValue written = data.protect("resident.phone", "13800138000", Masker.MOBILE);
            assertThat(written.ciphertext()).startsWith("v2:");
            assertThat(FieldCipher.keyIdOf(written.ciphertext())).isEqualTo(primary);
            assertThat(written.hash()).isEqualTo(STORED_BEFORE.hash());
            assertThat(data.needsReencryption(written)).isFalse();

            assertThat(data.needsReencryption(STORED_BEFORE)).isTrue();
            ProtectedValue moved = data.reencrypt("resident.phone", STORED_BEFORE);
            assertThat(moved.ciphertext()).startsWith("v2:");
            assertThat(moved.hash()).isEqualTo(STORED_BEFORE.hash());
            assertThat(data.reveal("resident.phone", moved)).isEqualTo("13800138000");
        });
    }

    @Test
    void aRotatedKeysetReadsWhatItsFormerPrimaryWrote() throws Exception {
        KeysetHandle before = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeysetHandle after = KeysetHandle.newBuilder(before).addEntry(KeysetHandle.generateEntryFromParameters(
                PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary()).build();
        ProtectedValue[] written = new ProtectedValue[1];
        runner.withPropertyValues("PERSONAL_DATA_KEYSET=" + json(before)).run(context ->
                written[0] = context.getBean(PersonalData.class).protect("resident.idNumber", "11010519491231002X",
                        Masker.ID_NUMBER));

        runner.withPropertyValues("PERSONAL_DATA_KEYSET=" + json(after)).run(context -> {
            PersonalData data = context.getBean(PersonalData.class);
            assertThat(data.reveal("resident.idNumber", written[0])).isEqualTo("11010519491231002X");
            assertThat(data.needsReencryption(written[0])).isTrue();
            assertThat(FieldCipher.keyIdOf(data.reencrypt("resident.idNumber", written[0]).ciphertext()))
                    .isEqualTo(Integer.toUnsignedString(after.getPrimary().getId()));
        });
    }

    @Test
    void aKeysetThatIsNotOneRefusesToStartNamingTheVariable() {
        runner.withPropertyValues("PERSONAL_DATA_KEYSET={\"primaryKeyId\": 1}").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("IllegalStateException: "
                        + "tanchang.personal-data.keyset (env PERSONAL_DATA_KEYSET) is not a Tink AEAD keyset"));
        assertThatThrownBy(() -> FieldCipher.from(new PersonalDataProperties(null, null, null, null, "not base64!")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PERSONAL_DATA_KEYSET");
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }
}
