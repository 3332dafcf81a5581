package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class RequestIdsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void keepsASaneRequestIdAndTheTraceOfAValidTraceparent() {
        RequestIds ids = RequestIds.from(headers("abc-123_X.y", "00-" + TRACE_ID + "-00f067aa0ba902b7-00"), "/api/x");

        assertThat(ids.requestId()).isEqualTo("abc-123_X.y");
        assertThat(ids.traceId()).isEqualTo(TRACE_ID);
        assertThat(ids.traceparent()).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00"); // flags kept
        assertThat(ids.originalPath()).isEqualTo("/api/x");
    }

    @Test
    void aLaterTraceparentVersionKeepsItsTraceButIsSentAsVersion00() {
        String next = RequestIds.childOf("01-" + TRACE_ID + "-00f067aa0ba902b7-01-extra");

        assertThat(next).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "quote\"", "a/b", "ünicode",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void replacesAnInsaneRequestId(String requestId) {
        RequestIds ids = RequestIds.from(headers(requestId, null), "/");

        assertThat(ids.requestId()).isNotEqualTo(requestId).matches("[0-9a-f-]{36}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra",
            "ff-" + TRACE_ID + "-00f067aa0ba902b7-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-0000000000000000-01", "00-" + TRACE_ID + "-00f067aa0ba902b7"})
    void startsANewTraceForAnInvalidTraceparent(String traceparent) {
        RequestIds ids = RequestIds.from(headers(null, traceparent), "/");

        assertThat(ids.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(ids.traceId()).isNotEqualTo(TRACE_ID);
    }

    private static HttpHeaders headers(String requestId, String traceparent) {
        HttpHeaders headers = new HttpHeaders();
        if (requestId != null) {
            headers.set(RequestIds.REQUEST_ID_HEADER, requestId);
        }
        if (traceparent != null) {
            headers.set(RequestIds.TRACEPARENT_HEADER, traceparent);
        }
        return headers;
    }
}
