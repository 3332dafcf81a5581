package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.tanchang.grid.platform.crypto.CiphertextException;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONTEXT = "resident.idNumber";
    private static final String ID = "11010519491231002X";

    static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private final String keyA = newKey();
    private final String keyB = newKey();

    private static FieldCipher cipher(String active, Map<String, String> keys) {
        return FieldCipher.from(new PersonalDataProperties(active, null, keys, null));
    }

    @Test
    void roundTripWithTheFormatAndAFreshIvEachTime() {
        FieldCipher cipher = cipher("a", Map.of("a", keyA));
        String first = cipher.encrypt(CONTEXT, ID);
        String second = cipher.encrypt(CONTEXT, ID);

        assertThat(first).startsWith("v1:a:").doesNotContain(ID);
        assertThat(first).isNotEqualTo(second);
        byte[] raw = Base64.getDecoder().decode(first.substring("v1:a:".length()));
        assertThat(raw).hasSize(12 + ID.length() + 16);  // IV + ciphertext + tag
        assertThat(cipher.decrypt(CONTEXT, first)).isEqualTo(ID);
        assertThat(cipher.decrypt(CONTEXT, second)).isEqualTo(ID);
        assertThat(cipher.decrypt(CONTEXT, cipher.encrypt(CONTEXT, "甘肃省陇南市宕昌县理川镇杨家村"))).isEqualTo(
                "甘肃省陇南市宕昌县理川镇杨家村");
        assertThat(cipher.encrypt(CONTEXT, null)).isNull();
        assertThat(cipher.decrypt(CONTEXT, null)).isNull();
    }

    @Test
    void oldCiphertextsStayReadableAfterARotation() {
        String underA = cipher("a", Map.of("a", keyA)).encrypt(CONTEXT, ID);

        FieldCipher rotated = cipher("b", Map.of("a", keyA, "b", keyB));
        assertThat(rotated.decrypt(CONTEXT, underA)).isEqualTo(ID);
        String underB = rotated.encrypt(CONTEXT, ID);
        assertThat(underB).startsWith("v1:b:");
        assertThat(FieldCipher.keyIdOf(underB)).isEqualTo("b");

        // the active key can also come from 'key' (PERSONAL_DATA_KEY) with the old ones in 'keys'
        FieldCipher fromEnv = FieldCipher.from(new PersonalDataProperties("b", keyB, Map.of("a", keyA), null));
        assertThat(fromEnv.decrypt(CONTEXT, underA)).isEqualTo(ID);
        assertThat(fromEnv.decrypt(CONTEXT, underB)).isEqualTo(ID);
    }

    @Test
    void anUnknownKeyIdIsAClearError() {
        String underA = cipher("a", Map.of("a", keyA)).encrypt(CONTEXT, ID);
        assertThatThrownBy(() -> cipher("b", Map.of("b", keyB)).decrypt(CONTEXT, underA))
                .isInstanceOfSatisfying(CiphertextException.class,
                        e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.UNKNOWN_KEY))
                .hasMessageContaining("key 'a'").hasMessageContaining("[b]");
    }

    @Test
    void tamperedCiphertextsAreRejected() {
        FieldCipher cipher = cipher("a", Map.of("a", keyA));
        String good = cipher.encrypt(CONTEXT, ID);
        byte[] raw = Base64.getDecoder().decode(good.substring(5));
        raw[raw.length / 2] ^= 1;
        String flipped = "v1:a:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(CONTEXT, flipped)).isInstanceOfSatisfying(CiphertextException.class,
                e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.TAMPERED))
                .hasMessageContaining(CONTEXT).hasMessageNotContaining(ID);
        // the same id with other material (a key replaced under its old id) fails the same way
        assertThatThrownBy(() -> cipher("a", Map.of("a", keyB)).decrypt(CONTEXT, good))
                .isInstanceOf(CiphertextException.class);
        for (String malformed : new String[] {"plain text", "v2:a:AAAA", "v1:a:not base64!", "v1:a:AAAA"}) {
            assertThatThrownBy(() -> cipher.decrypt(CONTEXT, malformed)).as(malformed)
                    .isInstanceOfSatisfying(CiphertextException.class,
                            e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.MALFORMED));
        }
    }

    @Test
    void aCiphertextDoesNotDecryptInAnotherField() {
        FieldCipher cipher = cipher("a", Map.of("a", keyA));
        String id = cipher.encrypt("resident.idNumber", ID);
        assertThatThrownBy(() -> cipher.decrypt("lostItem.ownerIdNumber", id))
                .isInstanceOfSatisfying(CiphertextException.class,
                        e -> assertThat(e.reason()).isEqualTo(CiphertextException.Reason.TAMPERED));
        assertThatThrownBy(() -> cipher.encrypt(" ", ID)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badKeyConfigurationRefusesToStart() {
        assertThatThrownBy(() -> cipher(null, Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PERSONAL_DATA_KEY_ID");
        assertThatThrownBy(() -> cipher("a", Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'a' is not configured");
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> cipher("a", Map.of("a", sixteen))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 bytes").hasMessageContaining("exactly 32");
        assertThatThrownBy(() -> cipher("a", Map.of("a", "%%%"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> cipher("a:b", Map.of("a:b", keyA))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not allowed");
        assertThatThrownBy(() -> FieldCipher.from(new PersonalDataProperties("a", keyB, Map.of("a", keyA), null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("different material");
    }
}
