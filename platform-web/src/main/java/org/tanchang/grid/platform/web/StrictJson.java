package org.tanchang.grid.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: a value of the wrong JSON type is a 400 naming the field, never converted.
 * Jackson's defaults would store {@code 12.5} fen as 12, a number typed into a name as the text "123", "true" as a
 * boolean and 1 as an enum constant, so a client's mistake would be kept instead of refused.
 */
final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)          // "12" for a number, 0/1 for a boolean
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)      // 12.5 for an integer
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)            // 1 for an enum constant
                // text from a number or a boolean is not a scalar coercion to Jackson, so it is refused here
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
