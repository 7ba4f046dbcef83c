package io.bedside.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bedside.web.ProblemResponses;
import io.bedside.web.Problems;

/**
 * Who may read {@code /actuator/prometheus}: never the public. The figures carry no PHI, but they
 * say how busy each node is and how sign-ins fail, which is nobody's business outside operations.
 *
 * <ul>
 * <li>With {@code bedside.metrics.token} (BEDSIDE_METRICS_TOKEN) set, every scrape must send
 * {@code Authorization: Bearer <token>}, on whichever port it arrives (401 otherwise).</li>
 * <li>Without a token, the endpoint is served only on a separate management port
 * ({@code management.server.port}), which the operator keeps off the public network; on the
 * application's own port it does not exist (404, as if it were not there).</li>
 * </ul>
 * Neither set (the embedded demo's default): 404. Health ({@code /actuator/health}) is untouched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MetricsAccess {

    /** Shorter tokens could be guessed by someone with time and a fast link; `openssl rand -hex 32` makes 64. */
    static final int MIN_TOKEN_LENGTH = 32;

    @Bean
    @Order(0)
    SecurityFilterChain metricsSecurity(HttpSecurity http, ProblemResponses problems, Environment environment,
            @Value("${bedside.metrics.token:}") String token) throws Exception {
        String configured = token == null ? "" : token.strip();
        if (!configured.isEmpty() && configured.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("bedside.metrics.token (BEDSIDE_METRICS_TOKEN) must be at least "
                    + MIN_TOKEN_LENGTH + " characters; make one with: openssl rand -hex 32");
        }
        boolean separatePort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        http.securityMatcher(EndpointRequest.to("prometheus"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new Gate(configured.isEmpty() ? null : sha256(configured), separatePort, problems),
                        AnonymousAuthenticationFilter.class)
                // The gate above has decided; nothing else is asked of a scraper.
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** Lets a scrape through, or answers it with a problem and goes no further. */
    static final class Gate extends OncePerRequestFilter {

        private final byte[] tokenHash;
        private final boolean separatePort;
        private final ProblemResponses problems;

        Gate(byte[] tokenHash, boolean separatePort, ProblemResponses problems) {
            this.tokenHash = tokenHash;
            this.separatePort = separatePort;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (tokenHash != null) {
                if (!presented(request.getHeader(HttpHeaders.AUTHORIZATION))) {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
                    problems.write(response, Problems.unauthorized());
                    return;
                }
            } else if (!separatePort) {
                problems.write(response, Problems.of(HttpStatus.NOT_FOUND, "Not found"));
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * Compares hashes of equal length in constant time, so neither the token's characters nor
         * its length can be found by timing the answers.
         */
        private boolean presented(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return false;
            }
            return MessageDigest.isEqual(tokenHash, sha256(authorization.substring(7).strip()));
        }
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
