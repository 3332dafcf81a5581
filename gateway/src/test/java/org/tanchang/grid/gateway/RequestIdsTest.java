package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class RequestIdsTest {

    @Test
    void keepsASaneRequestId() {
        RequestIds ids = RequestIds.from(headers("abc-123_X.y"), "4bf92f3577b34da6a3ce929d0e0e4736", "/api/x");

        assertThat(ids.requestId()).isEqualTo("abc-123_X.y");
        assertThat(ids.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(ids.originalPath()).isEqualTo("/api/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "quote\"", "a/b", "ünicode",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void replacesAnInsaneRequestId(String requestId) {
        RequestIds ids = RequestIds.from(headers(requestId), null, "/");

        assertThat(ids.requestId()).isNotEqualTo(requestId).matches("[0-9a-f-]{36}");
    }

    private static HttpHeaders headers(String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (requestId != null) {
            headers.set(RequestIds.REQUEST_ID_HEADER, requestId);
        }
        return headers;
    }
}
