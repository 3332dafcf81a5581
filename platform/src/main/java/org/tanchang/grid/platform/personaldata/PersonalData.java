package org.tanchang.grid.platform.personaldata;

import org.tanchang.grid.platform.crypto.CiphertextException;

/**
 * The one entry point services use for personal data at rest.
 *
 * <pre>{@code
 * resident.idNumber = personalData.protect("resident.idNumber", dto.idNumber(), Masker.ID_NUMBER);
 * // ordinary responses: resident.idNumber.masked()
 * // a role allowed to see it, after writing the audit record: personalData.reveal("resident.idNumber", ...)
 * // search: query on idNumber.hash = personalData.searchHash(input, Masker.ID_NUMBER)
 * }</pre>
 *
 * The context names the field (type and property, stable across renames of the Java field); the same context must
 * be given to {@link #reveal}. This class does not decide who may reveal or write the audit record: that is the
 * caller's access check and the audit trail's job.
 */
public class PersonalData {

    private final FieldCipher cipher;
    private final KeyedHash hash;

    public PersonalData(FieldCipher cipher, KeyedHash hash) {
        this.cipher = cipher;
        this.hash = hash;
    }

    /** Normalises, encrypts, hashes and masks; {@code null} (absent value) gives {@code null}. */
    public ProtectedValue protect(String context, String plain, Masker masker) {
        if (plain == null) {
            return null;
        }
        String normalised = masker.normalise(plain);
        return new ProtectedValue(cipher.encrypt(context, normalised), hash.hash(normalised), masker.mask(normalised));
    }

    /**
     * The normalised plaintext; {@code null} gives {@code null}.
     *
     * @throws CiphertextException when the stored value cannot be decrypted (unknown key, altered, other field)
     */
    public String reveal(String context, ProtectedValue value) {
        return value == null ? null : cipher.decrypt(context, value.ciphertext());
    }

    /** The value to compare with {@link ProtectedValue#hash()} when searching by an exact value. */
    public String searchHash(String plain, Masker masker) {
        return hash.hash(plain, masker);
    }

    /** Whether the value was written with another key than the active one, i.e. a rotation has yet to reach it. */
    public boolean needsReencryption(ProtectedValue value) {
        return value != null && !cipher.writtenWithActiveKey(value.ciphertext());
    }

    /** The same value encrypted with the active key (hash and mask unchanged), for migrating after a rotation. */
    public ProtectedValue reencrypt(String context, ProtectedValue value) {
        if (!needsReencryption(value)) {
            return value;
        }
        return new ProtectedValue(cipher.encrypt(context, cipher.decrypt(context, value.ciphertext())), value.hash(),
                value.masked());
    }
}
