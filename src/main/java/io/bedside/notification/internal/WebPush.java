package io.bedside.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.jose4j.lang.JoseException;
import org.springframework.stereotype.Component;

import io.bedside.notification.PushProperties;
import io.bedside.shared.PracticeId;

import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Urgency;
import nl.martijndwars.webpush.Utils;

/**
 * One Web Push request: the payload encrypted for the browser (RFC 8291, {@code aes128gcm}) and
 * signed for the push service with the practice's VAPID key (RFC 8292), built by the
 * {@code nl.martijndwars:web-push} library and sent with the JDK's HTTP client. The notification's
 * id is the push's {@code Topic}, so a retry replaces a notice still waiting on the push service
 * instead of adding a second one.
 */
@Component
class WebPush {

    enum Result { DELIVERED, GONE, FAILED }

    /** What the push service answered: {@code status} 0 when it could not be reached. */
    record Answer(Result result, int status) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection");

    private final VapidKeys vapid;
    private final PushProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebPush(VapidKeys vapid, PushProperties properties) {
        this.vapid = vapid;
        this.properties = properties;
    }

    /** The library's request building without its HTTP clients. */
    private static final class Requests extends AbstractPushService<Requests> {
        Requests(KeyPair keys, String subject) {
            super(keys, subject);
        }

        nl.martijndwars.webpush.HttpRequest build(Notification notification)
                throws GeneralSecurityException, IOException, JoseException {
            return prepareRequest(notification, Encoding.AES128GCM);
        }
    }

    /**
     * The library's notification with the audience of the VAPID token as RFC 8292 has it: the
     * endpoint's origin with its port when it is not the scheme's default (the library drops it).
     */
    private static final class Notice extends Notification {
        Notice(String endpoint, ECPublicKey key, byte[] auth, byte[] payload, int ttl, Urgency urgency, String topic) {
            super(endpoint, key, auth, payload, ttl, urgency, topic);
        }

        @Override
        public String getOrigin() {
            URI uri = URI.create(getEndpoint());
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }
    }

    Answer send(PracticeId practice, UUID notification, PushDevices.Target target, byte[] payload, boolean urgent) {
        VapidKeys.Pair pair = vapid.of(practice);
        nl.martijndwars.webpush.HttpRequest prepared;
        try {
            ECPublicKey browserKey = (ECPublicKey) Utils.loadPublicKey(target.p256dh());
            Notification push = new Notice(target.endpoint(), browserKey, VapidKeys.decode(target.auth()), payload,
                    (int) properties.ttl().toSeconds(), urgent ? Urgency.HIGH : Urgency.NORMAL,
                    notification.toString().replace("-", ""));
            prepared = new Requests(pair.keys(), properties.vapid().subject()).build(push);
        } catch (GeneralSecurityException | IOException | JoseException | RuntimeException e) {
            throw new IllegalStateException("The push could not be encrypted: " + e.getClass().getSimpleName(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prepared.getUrl()))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.getBody()));
        for (Map.Entry<String, String> header : prepared.getHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                request.header(header.getKey(), header.getValue());
            }
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404 || status == 410) {
                return new Answer(Result.GONE, status);
            }
            return new Answer(status / 100 == 2 ? Result.DELIVERED : Result.FAILED, status);
        } catch (IOException e) {
            return new Answer(Result.FAILED, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Result.FAILED, 0);
        }
    }
}
