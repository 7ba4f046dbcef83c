package io.bedside.identity.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operators' figures for sign-in (docs/operations.md, "Metrics"): checks that failed (a wrong
 * password, code or date of birth) and attempts the throttle refused. Labelled by the kind of check
 * only; never the username, the account or the client address, which the throttle's keys hold.
 */
@Component
class SignInMeters {

    /** What a throttle key is for, from its prefix (see the callers of {@link LoginThrottle}). */
    static String method(String key) {
        if (key.startsWith("two-step:")) {
            return "code";
        }
        if (key.startsWith("link:")) {
            return "birth_date";
        }
        if (key.startsWith("link-request:") || key.startsWith("reset-request:") || key.startsWith("email-change:")) {
            return "request";
        }
        return "password";
    }

    private static final List<String> CHECKS = List.of("password", "code", "birth_date");

    private final Map<String, Counter> failures = new HashMap<>();
    private final Map<String, Counter> throttled = new HashMap<>();

    SignInMeters(MeterRegistry meters) {
        // Every series exists from the start (an alert on increase() needs one); the maps are
        // filled here only, so reading them needs no lock.
        for (String method : CHECKS) {
            failures.put(method, Counter.builder("bedside.signin.failures")
                    .description("Sign-in checks that failed: a wrong or unknown password, code or date of birth")
                    .tag("method", method).register(meters));
        }
        for (String method : List.of("password", "code", "birth_date", "request")) {
            for (String reason : List.of("limit", "busy")) {
                throttled.put(method + "/" + reason, Counter.builder("bedside.signin.throttled")
                        .description("Attempts refused before any check: too many failures (limit) or too many waiting (busy)")
                        .tag("method", method).tag("reason", reason).register(meters));
            }
        }
    }

    void failed(String key) {
        Counter counter = failures.get(method(key));
        if (counter != null) {
            counter.increment();
        }
    }

    void throttled(String key, boolean busy) {
        throttled.get(method(key) + "/" + (busy ? "busy" : "limit")).increment();
    }
}
