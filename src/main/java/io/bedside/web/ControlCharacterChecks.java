package io.bedside.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import io.bedside.shared.ControlCharacters;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Refuses C0 control characters ({@link ControlCharacters}) in every free-text field at the door,
 * before any service sees them: each string value of a JSON body (named by its path, e.g.
 * {@code details.medication}) and each form or query parameter of a page or the API. One place,
 * so a new endpoint or field is covered without remembering to be.
 */
@Configuration
class ControlCharacterChecks implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterCheck());
    }

    /** Form fields (also of multipart forms) and query parameters, by name. */
    static final class ParameterCheck implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod) {
                request.getParameterMap().forEach((name, values) -> {
                    for (String value : values) {
                        ControlCharacters.check(name, value);
                    }
                });
            }
            return true;
        }
    }

    /**
     * Every string value of a JSON request body, read once with Jackson's streaming parser before the
     * body is bound. A body that is not valid JSON is passed on untouched, for the converter's own answer.
     */
    @ControllerAdvice
    static class JsonBodyCheck extends RequestBodyAdviceAdapter {

        private static final JsonFactory JSON = new JsonFactory();

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
            MediaType type = input.getHeaders().getContentType();
            if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().endsWith("+json"))) {
                return input;
            }
            byte[] body = input.getBody().readAllBytes();
            checkStrings(body);
            HttpHeaders headers = input.getHeaders();
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }
            };
        }

        private static void checkStrings(byte[] body) {
            try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_STRING) {
                        ControlCharacters.check(field(parser.streamReadContext().pathAsPointer()), parser.getString());
                    }
                }
            } catch (JacksonException notJson) {
                // The converter answers malformed JSON with its own problem.
            }
        }

        /** {@code /details/medication} as {@code details.medication}; {@code /items/0/name} as {@code items[0].name}. */
        private static String field(JsonPointer pointer) {
            StringBuilder name = new StringBuilder();
            for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
                if (p.mayMatchElement()) {
                    name.append('[').append(p.getMatchingIndex()).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(p.getMatchingProperty());
                }
            }
            return name.isEmpty() ? "body" : name.toString();
        }
    }
}
