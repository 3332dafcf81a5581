package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedHashAndPersonalDataTest {

    private final String hashKey = FieldCipherTest.newKey();
    private final KeyedHash hash = new KeyedHash(Base64.getDecoder().decode(hashKey));

    @Test
    void theHashIsStableForTheNormalisedValue() {
        String upper = hash.hash("11010519491231002X", Masker.ID_NUMBER);
        assertThat(hash.hash("11010519491231002x", Masker.ID_NUMBER)).isEqualTo(upper);
        assertThat(hash.hash(" 11010519491231002x ", Masker.ID_NUMBER)).isEqualTo(upper);
        assertThat(upper).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("110105");
        assertThat(hash.hash("+86 138-0013-8000", Masker.MOBILE)).isEqualTo(hash.hash("13800138000"));
        assertThat(hash.hash("11010519491231002X")).isEqualTo(upper);
        assertThat(hash.hash("110105194912310021")).isNotEqualTo(upper);
        assertThat(hash.hash(null)).isNull();
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        KeyedHash other = new KeyedHash(Base64.getDecoder().decode(FieldCipherTest.newKey()));
        assertThat(other.hash("11010519491231002X")).isNotEqualTo(hash.hash("11010519491231002X"));
        assertThatThrownBy(() -> new KeyedHash(new byte[16])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PERSONAL_DATA_HASH_KEY");
    }

    @Test
    void protectAndRevealThroughTheFacade() {
        String keyA = FieldCipherTest.newKey();
        PersonalData a = new PersonalData(FieldCipher.from(new PersonalDataProperties("a", keyA, null, hashKey)),
                KeyedHash.from(new PersonalDataProperties("a", keyA, null, hashKey)));

        ProtectedValue id = a.protect("resident.idNumber", "11010519491231002x", Masker.ID_NUMBER);
        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(id.hash()).isEqualTo(a.searchHash("11010519491231002X", Masker.ID_NUMBER));
        assertThat(id.ciphertext()).startsWith("v1:a:");
        assertThat(id.toString()).doesNotContain(id.ciphertext()).doesNotContain("19491231");
        assertThat(a.reveal("resident.idNumber", id)).isEqualTo("11010519491231002X");

        ProtectedValue phone = a.protect("resident.phone", "+86 138 0013 8000", Masker.MOBILE);
        assertThat(phone.masked()).isEqualTo("138****8000");
        assertThat(a.reveal("resident.phone", phone)).isEqualTo("13800138000");
        ProtectedValue name = a.protect("resident.name", "李德明", Masker.NAME);
        assertThat(name.masked()).isEqualTo("李**");
        assertThat(a.protect("resident.name", null, Masker.NAME)).isNull();
        assertThat(a.reveal("resident.name", null)).isNull();

        // rotation: B active, A still configured
        String keyB = FieldCipherTest.newKey();
        PersonalDataProperties rotatedProps = new PersonalDataProperties("b", keyB, Map.of("a", keyA), hashKey);
        PersonalData b = new PersonalData(FieldCipher.from(rotatedProps), KeyedHash.from(rotatedProps));
        assertThat(b.reveal("resident.idNumber", id)).isEqualTo("11010519491231002X");
        assertThat(b.needsReencryption(id)).isTrue();
        ProtectedValue migrated = b.reencrypt("resident.idNumber", id);
        assertThat(migrated.ciphertext()).startsWith("v1:b:");
        assertThat(migrated.hash()).isEqualTo(id.hash());
        assertThat(b.needsReencryption(migrated)).isFalse();
        assertThat(b.reveal("resident.idNumber", migrated)).isEqualTo("11010519491231002X");
    }
}
