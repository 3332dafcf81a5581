package org.tanchang.grid.platform.events;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C trace context helpers: enough to carry one trace id from the gateway through HTTP and Kafka into logs. */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {
    }

    public static boolean isValid(String traceparent) {
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches()
                && !traceparent.substring(3, 35).equals("0".repeat(32));
    }

    public static String traceIdOf(String traceparent) {
        return isValid(traceparent) ? traceparent.substring(3, 35) : null;
    }

    public static String newTraceparent() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    /** A new span id under the same trace, as a hop to the next process should carry. */
    public static String childOf(String traceparent) {
        return isValid(traceparent) ? "00-" + traceIdOf(traceparent) + "-" + randomHex(8) + "-01" : newTraceparent();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}
