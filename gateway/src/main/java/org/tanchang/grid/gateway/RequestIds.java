package org.tanchang.grid.gateway;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The ids one request carries through the suite: {@code X-Request-Id} and the W3C {@code traceparent} this gateway
 * sends downstream. Client values are kept only when they are sane, so nothing a client sends can break a log line
 * or a header further down.
 *
 * @param requestId    the client's id if sane, else a new UUID
 * @param traceparent  this gateway's span in the client's trace (or in a new trace), version 00
 * @param originalPath the path as the client sent it, before any rewrite or fallback forward
 */
record RequestIds(String requestId, String traceparent, String originalPath) {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String TRACEPARENT_HEADER = "traceparent";
    static final String ATTRIBUTE = RequestIds.class.getName();

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    // version-traceid-parentid-flags; later versions may append fields, which we drop (we always send version 00)
    private static final Pattern TRACEPARENT = Pattern.compile(
            "([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    static RequestIds from(HttpHeaders headers, String path) {
        String requestId = headers.getFirst(REQUEST_ID_HEADER);
        if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        return new RequestIds(requestId, childOf(headers.getFirst(TRACEPARENT_HEADER)), path);
    }

    /** The ids the request filter stored; the fallback and the error handler always find them there. */
    static RequestIds of(ServerWebExchange exchange) {
        RequestIds ids = exchange.getAttribute(ATTRIBUTE);
        return ids != null ? ids : from(exchange.getRequest().getHeaders(), exchange.getRequest().getPath().value());
    }

    String traceId() {
        return traceparent.substring(3, 35);
    }

    /** Runs a logging statement with the ids in the MDC: reactive code has no thread to keep them on. */
    void log(Runnable statement) {
        MDC.put("requestId", requestId);
        MDC.put("traceId", traceId());
        try {
            statement.run();
        } finally {
            MDC.remove("requestId");
            MDC.remove("traceId");
        }
    }

    /**
     * The gateway is a hop of the trace: same trace id, a new parent (span) id, the client's flags. An absent or
     * invalid header (W3C: version ff, all-zero ids, upper-case hex, wrong shape) starts a new sampled trace.
     */
    static String childOf(String traceparent) {
        if (traceparent != null) {
            Matcher m = TRACEPARENT.matcher(traceparent);
            if (m.matches() && !"ff".equals(m.group(1)) && (!"00".equals(m.group(1)) || m.group(5) == null)
                    && !isZero(m.group(2)) && !isZero(m.group(3))) {
                return "00-" + m.group(2) + "-" + randomHex(8) + "-" + m.group(4);
            }
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}
