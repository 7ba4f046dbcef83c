package io.bedside.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl               how long an API token lives
 * @param maxFailuresPerAccount  failed sign-ins for one username within the window before 429
 * @param maxFailuresPerAddress  failed sign-ins from one client address within the window before 429
 * @param failureWindow          the sliding window the failures are counted in
 * @param maxConcurrentHashes    password hashes computed at once; bounds the CPU a login storm takes
 * @param maxPendingPerAccount   sign-in checks for one username waiting or running at once on a node;
 *                               more are told "Sign-in is busy" (429) without being counted
 * @param maxPendingPerAddress   the same for one client address
 */
@ConfigurationProperties("bedside.auth")
public record AuthProperties(
        @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("10") int maxFailuresPerAccount,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("2") int maxConcurrentHashes,
        @DefaultValue("2") int maxPendingPerAccount,
        @DefaultValue("8") int maxPendingPerAddress) {
}
