package io.bedside.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web Push (docs/operations.md, "Web Push").
 *
 * @param vapid     one VAPID key pair for every practice ({@code BEDSIDE_PUSH_VAPID_PUBLIC_KEY},
 *                  {@code BEDSIDE_PUSH_VAPID_PRIVATE_KEY}: base64url, the uncompressed P-256 point and the
 *                  private scalar), and the contact the push services see ({@code BEDSIDE_PUSH_VAPID_SUBJECT},
 *                  a mailto: or https: URL). Without a pair, each practice gets one made at first use,
 *                  its private key kept as ciphertext under the practice's keys.
 * @param hosts     the push services a subscription may point at (a host, or a domain and its subdomains):
 *                  Bedside sends requests only there, never to an address a browser made up
 * @param allowHttp plain http endpoints (tests against a local stub only)
 * @param ttl       how long a push service keeps a notice for a device that is offline
 * @param maxDevices how many devices one person may have told of new messages
 */
@ConfigurationProperties("bedside.push")
public record PushProperties(
        @DefaultValue Vapid vapid,
        @DefaultValue({"fcm.googleapis.com", "android.googleapis.com", "updates.push.services.mozilla.com",
                "push.services.mozilla.com", "web.push.apple.com", "notify.windows.com"}) List<String> hosts,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("1d") Duration ttl,
        @DefaultValue("10") int maxDevices) {

    public record Vapid(@DefaultValue("") String publicKey, @DefaultValue("") String privateKey,
            @DefaultValue("mailto:push@bedside.invalid") String subject) {
        @Override
        public String toString() {
            return "Vapid[" + subject + "]";
        }

        public boolean configured() {
            return publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank();
        }
    }
}
