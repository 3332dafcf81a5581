package org.tanchang.grid.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.TestClock;
import org.tanchang.grid.auth.TestMongo;

/**
 * An auth server moving its stored signing keys onto a Tink keyset (AUTH_KEY_ENCRYPTION_KEYSET) keeps signing with
 * the keys AUTH_KEY_ENCRYPTION_KEY sealed, and seals the next generation under the keyset's primary key.
 */
class KeyEncryptionKeysetTest {

    /** A private key as the release before Tink sealed it under the development key, for context "rsa-1|kid|pub". */
    private static final String SEALED_BEFORE = "v1:l9TG/3B+iNpLlh4YUUlnZCYckJ5BEk8W21NguNilGuyOmJF/e9WF";

    private final TestMongo mongo = new TestMongo();

    @BeforeAll
    static void registerTinksAeads() throws GeneralSecurityException {
        AeadConfig.register();
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void aKeySealedBeforeTinkOpensAndTheKeysetSealsWhatComesNext() throws Exception {
        KeyEncryption encryption = new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY, json(newKeyset()));

        assertThat(new String(encryption.open("rsa-1|kid|pub", SEALED_BEFORE), StandardCharsets.UTF_8))
                .isEqualTo("pkcs8 bytes");
        assertThat(new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY).open("rsa-1|kid|pub", SEALED_BEFORE))
                .asString(StandardCharsets.UTF_8).isEqualTo("pkcs8 bytes");
        String sealed = encryption.seal("rsa-2|kid|pub", new byte[] {1, 2, 3});
        assertThat(sealed).startsWith("v2:");
        assertThat(encryption.open("rsa-2|kid|pub", sealed)).containsExactly(1, 2, 3);
        assertThat(encryption.isDevelopmentKey()).as("the keyset seals, not the development key").isFalse();
        assertThatThrownBy(() -> new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY).open("rsa-2|kid|pub", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTH_KEY_ENCRYPTION_KEYSET");
    }

    @Test
    void storedKeysSurviveTheMoveToAKeysetAndItsRotation() throws Exception {
        TestClock clock = TestClock.stoppedAt(Instant.parse("2026-01-04T01:00:00Z"), ZoneOffset.UTC);
        String first = new StoredSigningKeys(mongo.template(), new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY),
                Duration.ofDays(90), clock).signing().getKeyID();

        KeysetHandle keyset = newKeyset();
        StoredSigningKeys moved = new StoredSigningKeys(mongo.template(),
                new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY, json(keyset)), Duration.ofDays(90), clock);
        assertThat(moved.signing().getKeyID()).isEqualTo(first);
        clock.advance(Duration.ofDays(91));
        moved.reload();
        assertThat(kids(moved.published())).hasSize(2).startsWith(first);
        assertThat(privateKeyOf("rsa-1")).startsWith("v1:");
        assertThat(privateKeyOf("rsa-2")).startsWith("v2:");

        // Tink's rotation: a new primary in the same keyset; the old primary's key keeps opening rsa-2
        KeysetHandle rotated = KeysetHandle.newBuilder(keyset).addEntry(KeysetHandle.generateEntryFromParameters(
                PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary()).build();
        StoredSigningKeys afterRotation = new StoredSigningKeys(mongo.template(),
                new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY, json(rotated)), Duration.ofDays(90), clock);
        assertThat(kids(afterRotation.published())).isEqualTo(kids(moved.published()));
        assertThat(afterRotation.signing().toRSAPrivateKey()).isEqualTo(moved.signing().toRSAPrivateKey());
    }

    @Test
    void aKeysetThatIsNotOneRefusesToStart() {
        assertThatThrownBy(() -> new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY,
                Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTH_KEY_ENCRYPTION_KEYSET");
    }

    private String privateKeyOf(String id) {
        return mongo.template().getCollection(StoredSigningKeys.COLLECTION).find(new Document("_id", id)).first()
                .getString("privateKey");
    }

    private static KeysetHandle newKeyset() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    private static List<String> kids(List<RSAKey> keys) {
        return keys.stream().map(RSAKey::getKeyID).toList();
    }
}
