package io.bedside.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.bedside.shared.TypedId;

/**
 * The one converter from a path segment (or request parameter) to a typed id: any {@link TypedId}
 * record, through its own {@code parse(String)}. A malformed id fails with the
 * {@link io.bedside.shared.NotFoundException} that {@code parse} throws, which both error advices
 * answer as 404, exactly like a well-formed id of something the caller may not see.
 */
@Component
class PathIds implements WebMvcConfigurer, ConditionalGenericConverter {

    private final Map<Class<?>, MethodHandle> parsers = new ConcurrentHashMap<>();

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(this);
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, TypedId.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return TypedId.class.isAssignableFrom(targetType.getType()) && targetType.getType().isRecord();
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        try {
            return parser(targetType.getType()).invoke((String) source);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private MethodHandle parser(Class<?> type) {
        return parsers.computeIfAbsent(type, t -> {
            try {
                return MethodHandles.publicLookup().findStatic(t, "parse", MethodType.methodType(t, String.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(t.getName() + " is a TypedId without a public static parse(String)", e);
            }
        });
    }
}
