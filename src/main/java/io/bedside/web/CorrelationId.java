package io.bedside.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.MDC;

/**
 * The id that ties an error answer to its log lines. It lives in the logging MDC for the length
 * of a request and is sent back in the {@value #HEADER} header.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CorrelationId() {
    }

    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The current request's id, creating one if something runs outside a request. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        if (id == null) {
            id = newId();
            MDC.put(MDC_KEY, id);
        }
        return id;
    }
}
