package org.tanchang.grid.auth.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The signing keys in MongoDB ({@code signing_keys}), shared by every instance and kept across restarts, so a token
 * verifies whichever instance issued it and whenever it was issued. The first start generates generation 1; every
 * later start, and every other instance, reads it. Each instance re-reads the collection at most once per
 * {@link #RELOAD_INTERVAL} (when a token is signed or the JWKS is asked for), so all of them see a new or retired key
 * within that time without a restart.
 *
 * <p><b>Rotation.</b> The JWKS publishes every stored key that is not {@code retired}; new tokens are signed with the
 * newest of them. Once the newest key is older than {@code tanchang.auth.signing-key.rotate-after} (env
 * {@code AUTH_SIGNING_KEY_ROTATE_AFTER}, default 90 days, 0 = never) the next instance to reload creates the next
 * generation, race-free like the first. A new key is published for one reload interval before it signs, so by the
 * time a token carries its {@code kid} every instance's JWKS has it (a resource server refetches the JWKS on an
 * unknown {@code kid}). The previous key stays published, verifying the tokens it signed until they expire; the one
 * before it is marked retired at the same time, i.e. a full rotation period after it stopped signing, far beyond any
 * token's lifetime (access 15 min, ID 30 min; refresh tokens are opaque and not signed). An operator who must drop a
 * compromised key sets {@code retired: true} on its document: it leaves every JWKS within a reload interval, the
 * tokens it signed stop verifying, and if it was the only key the next reload creates a new one.
 */
final class StoredSigningKeys implements KeyRing {

    static final String COLLECTION = "signing_keys";
    static final Duration RELOAD_INTERVAL = Duration.ofMinutes(1);
    /** Shorter periods would retire keys whose tokens may still be in use. */
    static final Duration MIN_ROTATION = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(StoredSigningKeys.class);

    private final MongoOperations mongo;
    private final KeyEncryption encryption;
    private final Duration rotateAfter;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Loaded(SigningKeyDocument document, RSAKey key) {
    }

    /** Non-retired keys, oldest generation first, as read at {@code loadedAt}. */
    private record Snapshot(List<Loaded> keys, Instant loadedAt) {
    }

    /**
     * Reads (or creates) the keys at once, so a key that cannot be decrypted fails the start.
     *
     * @param rotateAfter age of the newest key after which the next generation is created; zero means never
     */
    StoredSigningKeys(MongoOperations mongo, KeyEncryption encryption, Duration rotateAfter, Clock clock) {
        if (!rotateAfter.isZero() && rotateAfter.compareTo(MIN_ROTATION) < 0) {
            throw new IllegalStateException("tanchang.auth.signing-key.rotate-after (AUTH_SIGNING_KEY_ROTATE_AFTER) is "
                    + rotateAfter + ": use at least " + MIN_ROTATION + ", or 0 to rotate never");
        }
        this.mongo = mongo;
        this.encryption = encryption;
        this.rotateAfter = rotateAfter;
        this.clock = clock;
        this.snapshot = load();
        log.info("signing tokens with stored key {} ({} key(s) published)", signing().getKeyID(), snapshot.keys().size());
    }

    @Override
    public List<RSAKey> published() {
        return current().keys().stream().map(Loaded::key).toList();
    }

    /** The newest key that has been published for at least one reload interval (the only one after a first start). */
    @Override
    public RSAKey signing() {
        List<Loaded> keys = current().keys();
        Instant ripe = clock.instant().minus(RELOAD_INTERVAL);
        Loaded chosen = keys.get(0);
        for (Loaded candidate : keys) {
            if (!candidate.document().createdAt().isAfter(ripe)) {
                chosen = candidate;
            }
        }
        return chosen.key();
    }

    /** Re-reads the collection now (tests; instances do it by themselves once per reload interval). */
    void reload() {
        snapshot = load();
    }

    /**
     * Inserts generation {@code generation} unless it exists; on a lost race (duplicate {@code _id}) the winner's
     * document is returned, so every instance ends up with the same key.
     */
    SigningKeyDocument createOrRead(int generation) {
        SigningKeyDocument created = generate(generation);
        try {
            mongo.insert(created);
            log.info("created signing key generation {} ({})", generation, created.kid());
            return created;
        } catch (DuplicateKeyException lost) {
            SigningKeyDocument winner = mongo.findById(created.id(), SigningKeyDocument.class);
            if (winner == null) {
                throw new IllegalStateException("signing key " + created.id() + " exists and does not", lost);
            }
            log.info("signing key generation {} was created by another instance ({})", generation, winner.kid());
            return winner;
        }
    }

    private Snapshot current() {
        Snapshot loaded = snapshot;
        Instant now = clock.instant();
        if (loaded.loadedAt().plus(RELOAD_INTERVAL).isAfter(now)) {
            return loaded;
        }
        synchronized (this) {
            if (snapshot != loaded) {
                return snapshot;
            }
            try {
                snapshot = load();
            } catch (DataAccessException | IllegalStateException e) {
                // keep signing with what we have; try again after the next interval
                log.error("cannot reload the signing keys, keeping the {} loaded at {}: {}",
                        loaded.keys().size(), loaded.loadedAt(), e.getMessage());
                snapshot = new Snapshot(loaded.keys(), now);
            }
            return snapshot;
        }
    }

    private Snapshot load() {
        Instant now = clock.instant();
        List<SigningKeyDocument> active = active();
        if (active.isEmpty()) {
            createOrRead(highestGeneration() + 1);
            active = active();
        } else {
            SigningKeyDocument newest = active.get(active.size() - 1);
            if (!rotateAfter.isZero() && !newest.createdAt().plus(rotateAfter).isAfter(now)) {
                createOrRead(highestGeneration() + 1); // above retired ones too
                // the key before `newest` stopped signing a whole rotation period ago
                mongo.updateMulti(Query.query(Criteria.where("generation").lt(newest.generation())),
                        Update.update("retired", true), SigningKeyDocument.class);
                active = active();
            }
        }
        return new Snapshot(active.stream().map(d -> new Loaded(d, open(d))).toList(), now);
    }

    private List<SigningKeyDocument> active() {
        return mongo.find(Query.query(Criteria.where("retired").ne(true)).with(Sort.by("generation")),
                SigningKeyDocument.class);
    }

    private int highestGeneration() {
        SigningKeyDocument highest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "generation")).limit(1),
                SigningKeyDocument.class);
        return highest == null ? 0 : highest.generation();
    }

    private SigningKeyDocument generate(int generation) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String id = "rsa-" + generation;
        String kid = UUID.randomUUID().toString();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        SigningKeyDocument unsealed = new SigningKeyDocument(id, generation, kid, clock.instant(), false, publicKey, null);
        return new SigningKeyDocument(id, generation, kid, unsealed.createdAt(), false, publicKey,
                encryption.seal(unsealed.encryptionContext(), pair.getPrivate().getEncoded()));
    }

    private RSAKey open(SigningKeyDocument document) {
        byte[] pkcs8;
        try {
            pkcs8 = encryption.open(document.encryptionContext(), document.privateKey());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the private key of signing key " + document.id() + " (" + COLLECTION
                    + ") " + e.getMessage(), e);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(document.publicKey())));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(document.kid())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("signing key " + document.id() + " is not a valid RSA key pair", e);
        }
    }
}
