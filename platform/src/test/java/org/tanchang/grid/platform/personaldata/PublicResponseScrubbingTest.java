package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.tanchang.grid.platform.security.PublicEndpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PublicResponseScrubbingTest {

    record Notice(String text, List<String> lines, int count) {
    }

    static class Handlers {
        @PublicEndpoint
        Notice open() {
            return null;
        }

        Notice secured() {
            return null;
        }
    }

    @PublicEndpoint
    static class OpenController {
        String text() {
            return null;
        }
    }

    private final PublicResponseScrubbing scrubbing = new PublicResponseScrubbing(
            new StaticListableBeanFactory().getBeanProvider(JsonMapper.class));

    private static MethodParameter returnOf(Class<?> type, String method) throws NoSuchMethodException {
        return new MethodParameter(type.getDeclaredMethod(method), -1);
    }

    @Test
    void appliesToPublicEndpointsByMethodOrClassAndToNothingElse() throws Exception {
        assertThat(scrubbing.supports(returnOf(Handlers.class, "open"), null)).isTrue();
        assertThat(scrubbing.supports(returnOf(OpenController.class, "text"), null)).isTrue();
        assertThat(scrubbing.supports(returnOf(Handlers.class, "secured"), null)).isFalse();
    }

    @Test
    void masksEveryStringValueOfABodyHoweverDeepAndLeavesOtherValues() throws Exception {
        Object out = scrubbing.beforeBodyWrite(List.of(new Notice("电话13800138000", List.of("住人民路12号", "黑色背包"), 3)),
                returnOf(Handlers.class, "open"), null, null, null, null);

        JsonNode json = (JsonNode) out;
        assertThat(json.get(0).get("text").asString()).isEqualTo("电话138****8000");
        assertThat(json.get(0).get("lines").get(0).asString()).isEqualTo("住人民路**号");
        assertThat(json.get(0).get("lines").get(1).asString()).isEqualTo("黑色背包");
        assertThat(json.get(0).get("count").asInt()).isEqualTo(3);
    }

    @Test
    void masksATextBodyAsTextAndPassesACleanBodyUnchanged() throws Exception {
        MethodParameter open = returnOf(OpenController.class, "text");
        Notice clean = new Notice("黑色背包", List.of(), 1);

        assertThat(scrubbing.beforeBodyWrite("<t>11010519491231002X</t>", open, null, null, null, null))
                .isEqualTo("<t>110105********002X</t>");
        assertThat(scrubbing.beforeBodyWrite(clean, open, null, null, null, null)).isSameAs(clean);
    }
}
