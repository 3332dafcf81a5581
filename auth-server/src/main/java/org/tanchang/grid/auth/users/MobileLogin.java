package org.tanchang.grid.auth.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A citizen's mobile number as the auth server keeps it: validated and normalised by the platform's rule
 * ({@code MobileNumber} of platform's personal data: NFKC, spaces and hyphens dropped, {@code +86}/{@code 86} prefix,
 * {@code 1[3-9]} and 9 digits), found by its keyed hash (HMAC-SHA256 with the suite's {@code PERSONAL_DATA_HASH_KEY},
 * so the hash equals the one the services store for the same number) and shown masked ({@code 138****8000}).
 * The rule is repeated here rather than imported: it lives in {@code platform}, which brings Kafka and the outbox.
 */
public final class MobileLogin {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final SecretKeySpec key;

    public MobileLogin(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("tanchang.auth.mobile-hash-key (PERSONAL_DATA_HASH_KEY) needs 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The 11 digits of a mainland mobile number, or empty when {@code input} is not one. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(input, Normalizer.Form.NFKC).strip().replaceAll("[\\s-]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("86") && s.length() == 13) {
            s = s.substring(2);
        }
        return MOBILE.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    public static String masked(String normalised) {
        return normalised.substring(0, 3) + "****" + normalised.substring(7);
    }

    public String hash(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
