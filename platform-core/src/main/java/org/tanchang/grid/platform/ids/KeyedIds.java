package org.tanchang.grid.platform.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The id a create gets from its {@code Idempotency-Key}: random without a key; with one, derived from the caller and
 * the key, so the same caller's retry finds its first object on the unique {@code _id} and another caller's equal key
 * (two desks both counting from 0001) makes its own.
 *
 * <p>One place for every endpoint, but two derivations, because ids already stored must come out again for a retry
 * that crosses an upgrade: {@link #nameBased} (a name-based UUID of the length-prefixed subject and the key, what
 * incidents, disputes and lost property have always used) and {@link #sha256} (the first 16 bytes of SHA-256, what
 * patrol reports have always used). A new endpoint takes {@link #nameBased}.
 */
public final class KeyedIds {

    private enum Derivation { NAME_BASED_UUID, SHA_256 }

    private final String prefix;
    private final String namespace;
    private final Derivation derivation;

    private KeyedIds(String prefix, String namespace, Derivation derivation) {
        this.prefix = Objects.requireNonNull(prefix);
        this.namespace = Objects.requireNonNull(namespace);
        this.derivation = derivation;
    }

    /** {@code prefix} + a name-based (version 3) UUID of {@code "api:" + length(subject) + ":" + subject + ":" + key}. */
    public static KeyedIds nameBased(String prefix) {
        return new KeyedIds(prefix, "", Derivation.NAME_BASED_UUID);
    }

    /**
     * As {@link #nameBased(String)} with {@code namespace} written before the subject's length, for endpoints that
     * sharing a prefix-less name would let collide (lost reports and found items write their prefix there).
     */
    public static KeyedIds nameBased(String prefix, String namespace) {
        return new KeyedIds(prefix, namespace, Derivation.NAME_BASED_UUID);
    }

    /** {@code prefix} + 32 hex digits: the first half of SHA-256 of {@code subject + "\n" + key} (patrol reports). */
    public static KeyedIds sha256(String prefix) {
        return new KeyedIds(prefix, "", Derivation.SHA_256);
    }

    /** A fresh random id, for a create without a key. */
    public String random() {
        return prefix + UUID.randomUUID();
    }

    /** The id for the caller's key; a random one when there is no key (every such call creates anew). */
    public String of(String subject, String idempotencyKey) {
        if (idempotencyKey == null) {
            return random();
        }
        Objects.requireNonNull(subject, "a keyed id needs the caller's subject");
        return switch (derivation) {
            // the subject is length-prefixed so that no subject/key pair can spell another one
            case NAME_BASED_UUID -> prefix + UUID.nameUUIDFromBytes(
                    ("api:" + namespace + subject.length() + ":" + subject + ":" + idempotencyKey)
                            .getBytes(StandardCharsets.UTF_8));
            case SHA_256 -> prefix + HexFormat.of().formatHex(sha256((subject + "\n" + idempotencyKey)
                    .getBytes(StandardCharsets.UTF_8)), 0, 16);
        };
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
