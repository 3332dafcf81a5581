package org.tanchang.grid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.ResponseValidator;
import tools.jackson.databind.json.JsonMapper;

/** The response validator every ApiClient uses, on a small document: what passes and what fails a test. */
class ResponseValidatorTest {

    private static final String DOC = """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
             "/api/grids/tree":{"get":{"operationId":"getGridTree","responses":{"200":{"description":"ok",
               "content":{"application/json":{"schema":{"type":"array","items":{"type":"string"}}}}}}}},
             "/api/grids/{code}":{"get":{"operationId":"getGrid","responses":{
               "200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Grid"}}}},
               "404":{"description":"no","content":{"application/problem+json":{"schema":{"type":"object"}}}}}},
              "delete":{"operationId":"deleteGrid","responses":{"204":{"description":"gone"}}}}},
             "components":{"schemas":{"Grid":{"type":"object","required":["code"],"properties":{
               "code":{"type":"string"},"officer":{"type":"string","nullable":true}}}}}}
            """;

    private final ResponseValidator validator = ResponseValidator.of(Map.of("grid-service",
            JsonMapper.builder().build().readTree(DOC)));

    @Test
    void aResponseThatFitsItsOperationIsValidatedAndCounted() {
        long before = ResponseValidator.validatedCount();
        assertThat(validator.validate("GET", "/api/grids/621223?unmask=true", 200, "application/json",
                "{\"code\":\"621223\",\"officer\":null}")).isTrue();
        assertThat(validator.validate("GET", "/api/grids/tree", 200, "application/json", "[\"a\"]")).isTrue();
        assertThat(validator.validate("DELETE", "/api/grids/1", 204, null, "")).isTrue();
        assertThat(ResponseValidator.validatedCount()).isEqualTo(before + 3);
    }

    @Test
    void aWrongTypeOrANullWhereTheSchemaForbidsItFails() {
        assertThatThrownBy(() -> validator.validate("GET", "/api/grids/1", 200, "application/json",
                "{\"code\":{\"type\":\"Polygon\"}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("getGrid").hasMessageContaining("/code");
        assertThatThrownBy(() -> validator.validate("GET", "/api/grids/1", 200, "application/json",
                "{\"code\":null}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> validator.validate("GET", "/api/grids/1", 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("code");
    }

    @Test
    void anUndeclaredStatusMediaTypeOrBodyFails() {
        assertThatThrownBy(() -> validator.validate("GET", "/api/grids/1", 409, "application/problem+json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("409");
        assertThatThrownBy(() -> validator.validate("GET", "/api/grids/1", 404, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/problem+json");
        assertThatThrownBy(() -> validator.validate("DELETE", "/api/grids/1", 204, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no content");
        assertThatThrownBy(() -> validator.validate("GET", "/api/grids/1", 200, "application/json", ""))
                .isInstanceOf(AssertionError.class).hasMessageContaining("without a body");
    }

    @Test
    void aRequestOutsideEveryOperationIsNotValidated() {
        assertThat(validator.validate("GET", "/actuator/health", 200, "application/json", "{}")).isFalse();
        assertThat(validator.validate("PUT", "/api/grids/1", 405, "application/problem+json", "{}")).isFalse();
    }
}
