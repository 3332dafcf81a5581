package org.tanchang.grid.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.tanchang.grid.auth.AuthProperties;
import org.tanchang.grid.auth.TestMongo;
import org.tanchang.grid.platform.test.TestClock;

class SigningKeysTest {

    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final TestMongo mongo = new TestMongo();

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void configuredPemKeyIsUsedWithItsKeyId(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        KeyRing ring = new SigningKeys().signingKeyRing(properties(new AuthProperties.SigningKey(
                privatePem.toUri().toString(), publicPem.toUri().toString(), "county-2026", "", Duration.ZERO)),
                mongo.template());
        List<JWK> keys = new SigningKeys().jwkSource(ring).get(new JWKSelector(new JWKMatcher.Builder().build()), null);

        assertThat(keys).hasSize(1);
        RSAKey key = (RSAKey) keys.get(0);
        assertThat(key.getKeyID()).isEqualTo("county-2026");
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.toRSAPublicKey().getModulus()).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
        assertThat(mongo.template().collectionExists(StoredSigningKeys.COLLECTION)).as("nothing stored").isFalse();
    }

    @Test
    void withoutPemOneKeyIsStoredAndEveryInstanceUsesIt() throws Exception {
        KeyRing first = storedRing(KeyEncryption.DEVELOPMENT_KEY);
        KeyRing second = storedRing(KeyEncryption.DEVELOPMENT_KEY);

        assertThat(first.published()).hasSize(1);
        RSAKey key = first.signing();
        assertThat(key.isPrivate()).isTrue();
        assertThat(second.signing().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(second.signing().toRSAPrivateKey()).isEqualTo(key.toRSAPrivateKey());
        assertThat(mongo.template().getCollection(StoredSigningKeys.COLLECTION).countDocuments()).isEqualTo(1);

        Document stored = mongo.template().getCollection(StoredSigningKeys.COLLECTION).find().first();
        String raw = stored.toJson();
        assertThat(raw).doesNotContain(Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded()))
                .doesNotContain(key.getPrivateExponent().toString())
                .doesNotContain(Base64.getEncoder().encodeToString(key.getPrivateExponent().decode()));
        assertThat(stored.getString("privateKey")).startsWith("v1:");
        assertThat(stored.getString("publicKey"))
                .isEqualTo(Base64.getEncoder().encodeToString(key.toRSAPublicKey().getEncoded()));
    }

    @Test
    void anInstanceWithAnotherEncryptionKeyRefusesToStart() {
        storedRing(KeyEncryption.DEVELOPMENT_KEY);
        assertThatThrownBy(() -> storedRing(OTHER_KEY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_KEY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> storedRing("c2hvcnQ=")).hasMessageContaining("32");
    }

    @Test
    void aPrivateKeyCopiedOntoAnotherKeyDocumentDoesNotOpen() {
        storedRing(KeyEncryption.DEVELOPMENT_KEY);
        var collection = mongo.template().getCollection(StoredSigningKeys.COLLECTION);
        Document original = collection.find().first();
        collection.updateOne(new Document("_id", "rsa-1"), new Document("$set", new Document("kid", "another-kid")));
        assertThatThrownBy(() -> storedRing(KeyEncryption.DEVELOPMENT_KEY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rsa-1");
        collection.replaceOne(new Document("_id", "rsa-1"), original);
        assertThat(storedRing(KeyEncryption.DEVELOPMENT_KEY).signing().getKeyID()).isEqualTo(original.getString("kid"));
    }

    @Test
    void theLoserOfACreationRaceGetsTheWinnersKey() {
        TestClock clock = TestClock.stoppedAt(Instant.parse("2026-01-04T01:00:00Z"), ZoneOffset.UTC);
        StoredSigningKeys winner = new StoredSigningKeys(mongo.template(), new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY),
                Duration.ZERO, clock);
        StoredSigningKeys loser = new StoredSigningKeys(mongo.template(), new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY),
                Duration.ZERO, clock);
        // the loser generated its own pair for generation 1 and lost the insert
        SigningKeyDocument got = loser.createOrRead(1);
        assertThat(got.kid()).isEqualTo(winner.signing().getKeyID());
        assertThat(mongo.template().getCollection(StoredSigningKeys.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void rotationPublishesTheNewKeyBeforeItSignsAndRetiresTheOneBeforeThePrevious() {
        TestClock clock = TestClock.stoppedAt(Instant.parse("2026-01-04T01:00:00Z"), ZoneOffset.UTC);
        KeyEncryption encryption = new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY);
        StoredSigningKeys instanceA = new StoredSigningKeys(mongo.template(), encryption, Duration.ofDays(90), clock);
        StoredSigningKeys instanceB = new StoredSigningKeys(mongo.template(), encryption, Duration.ofDays(90), clock);
        String first = instanceA.signing().getKeyID();

        clock.advance(Duration.ofDays(91));
        instanceA.reload();
        String second = kids(instanceA.published()).get(1);
        assertThat(kids(instanceA.published())).containsExactly(first, second);
        assertThat(instanceA.signing().getKeyID()).as("not yet known everywhere").isEqualTo(first);

        clock.advance(StoredSigningKeys.RELOAD_INTERVAL);
        assertThat(instanceA.signing().getKeyID()).isEqualTo(second);
        assertThat(instanceB.signing().getKeyID()).as("B reloads by itself").isEqualTo(second);
        assertThat(kids(instanceB.published())).containsExactly(first, second);

        clock.advance(Duration.ofDays(91));
        instanceB.reload();
        String third = kids(instanceB.published()).get(1);
        assertThat(kids(instanceB.published())).containsExactly(second, third);
        assertThat(mongo.template().getCollection(StoredSigningKeys.COLLECTION)
                .find(new Document("_id", "rsa-1")).first().getBoolean("retired")).isTrue();
    }

    @Test
    void aRetiredKeyLeavesTheJwksAndIsReplaced() {
        TestClock clock = TestClock.stoppedAt(Instant.parse("2026-01-04T01:00:00Z"), ZoneOffset.UTC);
        StoredSigningKeys keys = new StoredSigningKeys(mongo.template(), new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY),
                Duration.ZERO, clock);
        String compromised = keys.signing().getKeyID();
        mongo.template().getCollection(StoredSigningKeys.COLLECTION).updateOne(new Document("_id", "rsa-1"),
                new Document("$set", new Document("retired", true)));
        clock.advance(StoredSigningKeys.RELOAD_INTERVAL);
        assertThat(kids(keys.published())).hasSize(1).doesNotContain(compromised);
        assertThat(keys.signing().getKeyID()).isNotEqualTo(compromised);
    }

    @Test
    void tooShortARotationPeriodIsRefused() {
        assertThatThrownBy(() -> new StoredSigningKeys(mongo.template(),
                new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY), Duration.ofMinutes(30), java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rotate-after");
    }

    @Test
    void theDevelopmentDefaultOfApplicationYmlIsRecognised() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        assertThat(properties.getProperty("tanchang.auth.signing-key.encryption-key"))
                .isEqualTo("${AUTH_KEY_ENCRYPTION_KEY:" + KeyEncryption.DEVELOPMENT_KEY + "}");
        assertThat(new KeyEncryption(KeyEncryption.DEVELOPMENT_KEY).isDevelopmentKey()).isTrue();
        assertThat(new KeyEncryption(OTHER_KEY).isDevelopmentKey()).isFalse();
    }

    private KeyRing storedRing(String encryptionKey) {
        return new SigningKeys().signingKeyRing(properties(
                new AuthProperties.SigningKey("", "", "unused", encryptionKey, Duration.ofDays(90))), mongo.template());
    }

    private static List<String> kids(List<RSAKey> keys) {
        return keys.stream().map(RSAKey::getKeyID).toList();
    }

    private static AuthProperties properties(AuthProperties.SigningKey key) {
        return new AuthProperties(null, Duration.ofMinutes(15), Duration.ofHours(8), false, "x", "y", "z", key,
                new AuthProperties.Console("c", java.util.List.of(), java.util.List.of()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
