package io.bedside.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads it, a request whose path is not written in its one plain
 * form: a percent-encoded letter, digit or {@code -._~} (which need no encoding, so {@code /%61pi}
 * is only another spelling of {@code /api}), an encoded {@code /}, {@code \} or {@code %} (double
 * encoding), a {@code ;} path parameter, or an empty, {@code .} or {@code ..} segment. No link
 * Bedside makes looks like that; such a path exists only to be matched differently by one rule
 * than by another. Encodings a path needs (a space, an accented letter) are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CanonicalPathFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    CanonicalPathFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCanonical(request.getRequestURI())) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST,
                    "This address is not written in its plain form: no percent-encoded letters, digits or "
                            + "punctuation that need none, no ';' parameters, no empty, '.' or '..' segments."));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCanonical(String rawPath) {
        if (rawPath.indexOf(';') >= 0 || rawPath.indexOf('\\') >= 0 || !rawPath.startsWith("/")) {
            return false;
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length()) {
                return false;
            }
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high < 0 || low < 0 || mayNotBeEncoded((char) (high * 16 + low))) {
                return false;
            }
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        // An empty segment (//) anywhere but a trailing slash.
        return !rawPath.contains("//");
    }

    /** Unreserved characters (RFC 3986), and those that would change how the path splits or decodes. */
    private static boolean mayNotBeEncoded(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~/\\%;".indexOf(c) >= 0;
    }
}
