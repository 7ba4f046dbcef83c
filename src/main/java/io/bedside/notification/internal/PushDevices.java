package io.bedside.notification.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.notification.PushProperties;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;

/**
 * The devices a person asked to be told on by Web Push ("Notify this device" in the notification
 * settings): each browser's push subscription, its keys kept as ciphertext. A person sees and
 * removes only their own devices; another person's device id is not found, like a missing one.
 * The push service's endpoint must be on a known push service ({@code bedside.push.hosts}), so a
 * made-up subscription cannot make Bedside send requests anywhere else.
 */
@Service
public class PushDevices {

    /** One device, as its owner sees it in the list. */
    public record Device(UUID id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    /** A device to send to: the endpoint and the browser's keys (base64url). */
    record Target(UUID id, String endpoint, String p256dh, String auth) {
        @Override
        public String toString() {
            return "Target[" + id + "]";
        }
    }

    private final PushDeviceRows rows;
    private final PracticeEncryption encryption;
    private final VapidKeys vapid;
    private final PushProperties properties;
    private final Clock clock;

    PushDevices(PushDeviceRows rows, PracticeEncryption encryption, VapidKeys vapid, PushProperties properties,
            Clock clock) {
        this.rows = rows;
        this.encryption = encryption;
        this.vapid = vapid;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key a browser subscribes with (base64url): the caller's practice's VAPID public key. */
    public String publicKey(Actor actor) {
        return vapid.of(actor.practiceId()).publicKey();
    }

    public List<Device> devices(Actor actor) {
        return rows.of(actor.practiceId(), actor.userId()).stream()
                .map(r -> new Device(r.id(), r.label(), r.createdAt(), r.lastUsedAt())).toList();
    }

    /** The result of subscribing: the device, and whether it is new (201) or was there already (200). */
    public record Subscribed(Device device, boolean created) {
    }

    /**
     * Adds the browser's subscription for the caller, or renews it when the browser subscribed
     * before. A device another account subscribed (a shared phone) now tells only the caller.
     */
    @Transactional
    public Subscribed subscribe(Actor actor, String endpoint, String p256dh, String auth, String userAgent) {
        String checkedEndpoint = checkEndpoint(endpoint);
        byte[] publicKey = checkKey(p256dh, "keys.p256dh", 65);
        byte[] secret = checkKey(auth, "keys.auth", 16);
        try {
            ECNamedCurveTable.getParameterSpec(VapidKeys.CURVE).getCurve().decodePoint(publicKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("keys.p256dh", "keys.p256dh is not a P-256 public key.");
        }
        String label = label(userAgent);
        String hash = sha256(checkedEndpoint);
        Instant now = Timestamps.now(clock);
        var existing = rows.byEndpoint(hash);
        if (existing.isPresent() && existing.get().practiceId().equals(actor.practiceId())
                && existing.get().userId().equals(actor.userId())) {
            PushDeviceRows.Row row = existing.get();
            rows.updateKeys(row.id(), keys(actor.practiceId(), row.id(), publicKey, secret), label);
            return new Subscribed(new Device(row.id(), label, row.createdAt(), row.lastUsedAt()), false);
        }
        existing.ifPresent(other -> rows.deleteGone(other.practiceId(), other.id()));
        if (rows.count(actor.practiceId(), actor.userId()) >= properties.maxDevices()) {
            throw new UnprocessableException("You can be told on at most " + properties.maxDevices()
                    + " devices: remove one first.");
        }
        UUID id = UUID.randomUUID();
        rows.insert(id, actor.practiceId(), actor.userId(), checkedEndpoint, hash,
                keys(actor.practiceId(), id, publicKey, secret), label, now);
        return new Subscribed(new Device(id, label, now, null), true);
    }

    /** Removes one of the caller's devices; another person's id is not found. */
    @Transactional
    public void remove(Actor actor, String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException();
        }
        if (!rows.delete(actor.practiceId(), actor.userId(), parsed)) {
            throw new NotFoundException();
        }
    }

    // ------------------------------------------------------------ for the sender

    List<Target> targets(PracticeId practice, UserId user) {
        return rows.of(practice, user).stream().map(r -> {
            String[] keys = new String(encryption.decrypt(practice, r.keysCiphertext(), context(r.id())),
                    StandardCharsets.US_ASCII).split(" ");
            return new Target(r.id(), r.endpoint(), keys[0], keys[1]);
        }).toList();
    }

    void gone(PracticeId practice, UUID id) {
        rows.deleteGone(practice, id);
    }

    void used(UUID id) {
        rows.used(id, Timestamps.now(clock));
    }

    /** Whether Bedside may send to this endpoint: https (or http where allowed) on a known push service. */
    boolean allowed(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean scheme = "https".equalsIgnoreCase(uri.getScheme())
                    || properties.allowHttp() && "http".equalsIgnoreCase(uri.getScheme());
            return scheme && uri.getUserInfo() == null && !host.isEmpty() && properties.hosts().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String checkEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > 2048) {
            throw new InvalidRequestException("endpoint", "endpoint is required: the push subscription's URL.");
        }
        if (!allowed(endpoint.strip())) {
            throw new InvalidRequestException("endpoint", "endpoint is not the address of a known push service.");
        }
        return endpoint.strip();
    }

    private static byte[] checkKey(String value, String field, int length) {
        try {
            byte[] bytes = value == null ? new byte[0] : VapidKeys.decode(value);
            if (bytes.length == length) {
                return bytes;
            }
        } catch (IllegalArgumentException notBase64) {
            // as a wrong length
        }
        throw new InvalidRequestException(field, field + " must be the browser's key, base64url (" + length + " bytes).");
    }

    private byte[] keys(PracticeId practice, UUID id, byte[] publicKey, byte[] secret) {
        String both = VapidKeys.encode(publicKey) + " " + VapidKeys.encode(secret);
        return encryption.encrypt(practice, both.getBytes(StandardCharsets.US_ASCII), context(id));
    }

    private static AssociatedData context(UUID id) {
        return AssociatedData.of("push.keys", id.toString());
    }

    /** "Chrome on Android", "Safari on iPhone": the browser and the system, nothing finer (no version). */
    static String label(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        String browser = ua.contains("Edg/") ? "Edge" : ua.contains("Firefox/") || ua.contains("FxiOS") ? "Firefox"
                : ua.contains("SamsungBrowser") ? "Samsung Internet" : ua.contains("CriOS") || ua.contains("Chrome/")
                        ? "Chrome" : ua.contains("Safari/") ? "Safari" : "Browser";
        String system = ua.contains("iPhone") ? "iPhone" : ua.contains("iPad") ? "iPad" : ua.contains("Android")
                ? "Android" : ua.contains("Windows") ? "Windows" : ua.contains("Mac OS X") ? "Mac"
                        : ua.contains("CrOS") ? "ChromeOS" : ua.contains("Linux") ? "Linux" : null;
        return system == null ? browser : browser + " · " + system;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
