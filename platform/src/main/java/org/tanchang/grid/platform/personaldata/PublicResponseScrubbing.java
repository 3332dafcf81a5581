package org.tanchang.grid.platform.personaldata;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.tanchang.grid.platform.security.PublicEndpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer of a {@link PublicEndpoint} passes through {@link FreeText#scrubPublic}, whatever its author put in
 * it: identity numbers, mobiles and house numbers typed into a notice, a catalogue text or anything a later public
 * operation shows are masked before they leave. Done here, once for every service, so a new public operation cannot
 * forget it. A text body is scrubbed as it is; any other body is scrubbed value by value as the JSON it becomes, and
 * sent as that JSON (a converter of another format gets that tree: petition-service's Open311 XML reads it back).
 */
@ControllerAdvice
public class PublicResponseScrubbing implements ResponseBodyAdvice<Object> {

    private final ObjectProvider<JsonMapper> json;

    /** The application's mapper, so the JSON sent is what the body would have become anyway (dates, nulls). */
    public PublicResponseScrubbing(ObjectProvider<JsonMapper> json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        // a stored file is scrubbed when it is stored (EXIF and XMP, with any GPS position, removed) and is not
        // text: it passes as its bytes; any other binary answer of a public operation is still refused below
        if (returnType.hasMethodAnnotation(org.tanchang.grid.platform.files.ServesFile.class)) {
            return false;
        }
        return returnType.hasMethodAnnotation(PublicEndpoint.class)
                || returnType.getContainingClass().isAnnotationPresent(PublicEndpoint.class);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null) {
            return null;
        }
        if (body instanceof CharSequence text) {
            return FreeText.scrubPublic(text.toString());
        }
        if (body instanceof byte[] || body instanceof org.springframework.core.io.Resource) {
            throw new IllegalStateException("a public operation answers binary content that cannot be scrubbed: "
                    + returnType.getExecutable());
        }
        JsonNode tree = json.getIfAvailable(() -> JsonMapper.builder().build()).valueToTree(body);
        return scrub(tree) ? tree : body;
    }

    /** Scrubs every string value in place; whether any changed. */
    static boolean scrub(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (String name : java.util.List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                String scrubbed = value.isString() ? FreeText.scrubPublic(value.asString()) : null;
                if (scrubbed != null && !scrubbed.equals(value.asString())) {
                    object.put(name, scrubbed);
                    changed = true;
                } else if (scrubbed == null) {
                    changed |= scrub(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                String scrubbed = value.isString() ? FreeText.scrubPublic(value.asString()) : null;
                if (scrubbed != null && !scrubbed.equals(value.asString())) {
                    array.set(i, scrubbed);
                    changed = true;
                } else if (scrubbed == null) {
                    changed |= scrub(value);
                }
            }
        }
        return changed;
    }
}
