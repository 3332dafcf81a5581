package org.tanchang.grid.platform.personaldata;

import java.util.function.UnaryOperator;

/**
 * How one kind of personal data is normalised and masked. Normalising before encryption and hashing is what
 * makes exact-match search work: {@code 11010519491231002x} and {@code 11010519491231002X}, or {@code +86 138
 * 0013 8000} and {@code 13800138000}, are the same person and must give the same keyed hash.
 */
@FunctionalInterface
public interface Masker {

    Masker ID_NUMBER = of(ChineseIdNumber::normalise, Masking::idNumber);
    Masker MOBILE = of(MobileNumber::normalise, Masking::mobile);
    Masker ADDRESS = of(String::strip, Masking::address);
    Masker NAME = of(String::strip, Masking::name);
    /** For values never shown even in part (patrol tracks, free text): the mask is a fixed {@code ****}. */
    Masker HIDDEN = of(UnaryOperator.identity(), value -> "****");

    /** The masked form of a normalised value. */
    String mask(String normalised);

    /** The canonical form that is stored, hashed and masked; by default the value without surrounding blanks. */
    default String normalise(String plain) {
        return plain.strip();
    }

    static Masker of(UnaryOperator<String> normalise, UnaryOperator<String> mask) {
        return new Masker() {
            @Override
            public String mask(String normalised) {
                return mask.apply(normalised);
            }

            @Override
            public String normalise(String plain) {
                return normalise.apply(plain);
            }
        };
    }
}
