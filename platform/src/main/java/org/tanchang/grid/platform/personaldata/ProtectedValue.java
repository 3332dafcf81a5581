package org.tanchang.grid.platform.personaldata;

/**
 * How a personal value is stored: never the plaintext, but three derived forms, each for one use.
 *
 * @param ciphertext {@code v2:<base64>} (Tink) or {@code v1:<keyId>:<base64>} ({@link FieldCipher}), for the few reads whose role may see the value ({@link
 *                   PersonalData#reveal}, audited by the caller)
 * @param hash       keyed hash of the normalised value, for exact-match search; index this field
 * @param masked     what every other response shows, computed once at write time so reads need no key
 */
public record ProtectedValue(String ciphertext, String hash, String masked) {

    /** Only the masked form: the ciphertext and hash are of no use to whoever reads a log. */
    @Override
    public String toString() {
        return "ProtectedValue[" + masked + "]";
    }
}
