package io.bedside.notification.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.notification.internal.PushDevices;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * The devices the caller is told on by Web Push:
 * {@code GET /api/v1/me/push-subscriptions} ({@code {publicKey, items}}: the VAPID public key to
 * subscribe with, and the devices), {@code POST} a browser's subscription
 * ({@code {endpoint, keys: {p256dh, auth}}}, as {@code PushSubscription.toJSON()} gives it; 201, or
 * 200 when the browser was subscribed already), {@code DELETE .../{id}} (204; another person's
 * device is 404, like a missing one). The settings page posts to
 * {@code /app/settings/notifications/devices} with the session instead (same body, same answer).
 */
@RestController
class PushSubscriptionController {

    record Keys(String p256dh, String auth) {
    }

    record SubscriptionJson(String endpoint, Keys keys) {
        @Override
        public String toString() {
            return "SubscriptionJson";
        }
    }

    record DeviceJson(UUID id, String label, Instant createdAt, Instant lastUsedAt) {
        static DeviceJson of(PushDevices.Device d) {
            return new DeviceJson(d.id(), d.label(), d.createdAt(), d.lastUsedAt());
        }
    }

    record DevicesJson(String publicKey, List<DeviceJson> items) {
    }

    private final PushDevices devices;

    PushSubscriptionController(PushDevices devices) {
        this.devices = devices;
    }

    @GetMapping("/api/v1/me/push-subscriptions")
    DevicesJson list(@AuthenticationPrincipal Actor actor) {
        return new DevicesJson(devices.publicKey(actor), devices.devices(actor).stream().map(DeviceJson::of).toList());
    }

    @PostMapping({"/api/v1/me/push-subscriptions", "/app/settings/notifications/devices"})
    ResponseEntity<DeviceJson> subscribe(@AuthenticationPrincipal Actor actor, @RequestBody SubscriptionJson body,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        if (body == null || body.keys() == null) {
            throw new InvalidRequestException("keys", "keys are required: p256dh and auth.");
        }
        PushDevices.Subscribed subscribed = devices.subscribe(actor, body.endpoint(), body.keys().p256dh(),
                body.keys().auth(), userAgent);
        DeviceJson json = DeviceJson.of(subscribed.device());
        return subscribed.created()
                ? ResponseEntity.created(URI.create("/api/v1/me/push-subscriptions/" + json.id())).body(json)
                : ResponseEntity.status(HttpStatus.OK).body(json);
    }

    @DeleteMapping("/api/v1/me/push-subscriptions/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        devices.remove(actor, id);
        return ResponseEntity.noContent().build();
    }
}
