package org.tanchang.grid.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code sha256=} hex of HMAC-SHA256 over {@code timestamp + "." + body}. The
 * timestamp (epoch seconds, also sent as {@code X-Tanchang-Timestamp}) is signed so a captured request cannot be
 * replayed later: receivers refuse timestamps older than a few minutes.
 */
public final class WebhookSigner {

    public static final String SIGNATURE = "X-Tanchang-Signature";
    public static final String TIMESTAMP = "X-Tanchang-Timestamp";
    public static final String DELIVERY = "X-Tanchang-Delivery";

    private WebhookSigner() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
