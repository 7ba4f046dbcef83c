package io.bedside.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON scalars are read as what they are: a number or true where text is expected, or "true" or
 * "42" where a yes/no or a number is expected, is a 400 naming the field (finding 13), because
 * quietly sending the message "42" hides a client's mistake. Jackson's scalar coercion covers
 * numbers and booleans; text has its own coercion settings, refused here for every scalar shape.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonScalars {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
