package io.bedside.notification;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpServer;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.Demo;
import io.bedside.support.MovableClock;
import io.bedside.support.TestSmtp;
import tools.jackson.databind.JsonNode;

/**
 * Web Push beside email: a device subscribes through the API, a notice of a new message reaches a
 * push service stub started here (the JDK's HTTP server, recording each request) encrypted for the
 * device (RFC 8291, aes128gcm) and signed with the practice's VAPID key (RFC 8292). The test
 * decrypts it with the device's private key, as a browser would, and finds the same PHI-free words
 * as the text message. A 410 from the push service removes the device.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class PushNotificationsIntegrationTests extends ApplicationTest {

    private static final String MARKER = "PHI-MARKER-77d2";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** The push service stub: records every request, answers 201 unless a path is told otherwise. */
    static final HttpServer PUSH_SERVICE;
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> ANSWERS = new ConcurrentHashMap<>();

    static {
        try {
            PUSH_SERVICE = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PUSH_SERVICE.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(ANSWERS.getOrDefault(path, 201), -1);
            exchange.close();
        });
        PUSH_SERVICE.start();
    }

    @AfterAll
    static void stopPushService() {
        PUSH_SERVICE.stop(0);
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        LiveChannels.register(registry, "/push-test/sms");
        registry.add("bedside.push.hosts", () -> "127.0.0.1");
        registry.add("bedside.push.allow-http", () -> "true");
        registry.add("bedside.push.vapid.subject", () -> "mailto:ops@bedside.example.org");
    }

    @Autowired
    MovableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    /** A browser's push keys: its P-256 pair and its 16-byte auth secret. */
    record Browser(KeyPair keys, byte[] auth) {
        String p256dh() {
            return b64(uncompressed((ECPublicKey) keys.getPublic()));
        }
    }

    @BeforeEach
    void reset() {
        clock.set(Instant.now());
        RECEIVED.clear();
        ANSWERS.clear();
        jdbc.sql("delete from notification where status in ('pending', 'sending')").update();
        jdbc.sql("delete from push_subscription").update();
    }

    @AfterEach
    void tidy() {
        jdbc.sql("delete from push_subscription").update();
        clock.set(Instant.now());
    }

    private void later(Duration duration) {
        clock.advance(duration);
        demo = new Demo(api);
    }

    @Test
    void aDeviceGetsTheNoticeEncryptedForItAndSignedWithThePracticesVapidKeyBesideTheEmail() throws Exception {
        Browser browser = browser();
        String path = "/push/" + UUID.randomUUID();
        Api.Response subscribed = subscribe(ALICE, endpoint(path), browser);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        String id = subscribed.json().get("id").asString();
        assertThat(subscribed.header("Location")).isEqualTo("/api/v1/me/push-subscriptions/" + id);
        assertThat(subscribed.json().get("label").asString()).isNotBlank();

        JsonNode listed = api.get("/api/v1/me/push-subscriptions").token(demo.token(ALICE)).send().json();
        String vapidKey = listed.get("publicKey").asString();
        assertThat(Base64.getUrlDecoder().decode(vapidKey)).hasSize(65);
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(id);
        // The same browser again is the same device.
        Api.Response again = subscribe(ALICE, endpoint(path), browser);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        // The device's keys are kept only as ciphertext.
        byte[] stored = jdbc.sql("select keys_ciphertext from push_subscription where id = :id")
                .param("id", UUID.fromString(id)).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(browser.p256dh());

        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Subject " + MARKER, "Body " + MARKER);
        demo.send(KIM, conversation, "An answer with " + MARKER);
        later(Duration.ofMinutes(3));
        dispatcher.dispatchDue();

        assertThat(smtp.waitForIncomingEmail(5000, 1)).as("the email still goes").isTrue();
        assertThat(RECEIVED).hasSize(1);
        Received push = RECEIVED.get(0);
        assertThat(push.path()).isEqualTo(path);
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("86400");
        String topic = push.header("Topic");
        assertThat(jdbc.sql("select count(*) from notification where replace(cast(id as varchar(40)), '-', '') = :t")
                .param("t", topic).query(Long.class).single()).as("the notice's id is the topic").isEqualTo(1);

        // VAPID (RFC 8292): "vapid t=<JWT>, k=<the practice's public key>", the JWT signed by it.
        String authorization = push.header("Authorization");
        assertThat(authorization).startsWith("vapid t=").contains(", k=" + vapidKey);
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKey(Base64.getUrlDecoder().decode(vapidKey), (ECPublicKey) browser.keys().getPublic()));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("the JWT is signed by the VAPID key").isTrue();
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("aud").asString()).isEqualTo("http://127.0.0.1:" + PUSH_SERVICE.getAddress().getPort());
        assertThat(claims.get("sub").asString()).isEqualTo("mailto:ops@bedside.example.org");
        assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond())
                .isLessThanOrEqualTo(Instant.now().plus(Duration.ofHours(24)).getEpochSecond());

        // The body is encrypted: nothing of the words in clear; the device's key opens it.
        String clear = "You have a new secure message from Riverside Family Medicine";
        assertThat(new String(push.body(), StandardCharsets.ISO_8859_1)).doesNotContain("secure message").doesNotContain(MARKER);
        JsonNode notice = Api.JSON.readTree(decrypt(push.body(), browser));
        assertThat(notice.get("title").asString()).isEqualTo("New secure message from Riverside Family Medicine");
        assertThat(notice.get("body").asString())
                .isEqualTo(clear + ". Sign in to read it: https://bedside.example.org/login");
        assertThat(notice.get("url").asString()).isEqualTo("/app/conversations");
        assertThat(notice.toString()).doesNotContain(MARKER).doesNotContain("Kim").doesNotContain("Alice");

        assertThat(jdbc.sql("select last_used_at from push_subscription where id = :id").param("id", UUID.fromString(id))
                .query(Object.class).optional()).isPresent();
    }

    @Test
    void aDeviceThePushServiceNoLongerKnowsIsRemovedAndThePushOnlyPersonIsSkipped() throws Exception {
        Browser gone = browser();
        Browser kept = browser();
        String gonePath = "/push/" + UUID.randomUUID();
        String keptPath = "/push/" + UUID.randomUUID();
        ANSWERS.put(gonePath, 410);
        String goneId = subscribe(BOB, endpoint(gonePath), gone).json().get("id").asString();
        String keptId = subscribe(BOB, endpoint(keptPath), kept).json().get("id").asString();
        api.put("/api/v1/me/notification-preferences").token(demo.token(BOB)).json(Map.of("channel", "none")).send();
        try {
            String conversation = demo.startAsPatient(BOB, "Dr. Patel", "Subject", "Body");
            demo.send(KIM, conversation, "An answer");
            later(Duration.ofMinutes(3));
            dispatcher.dispatchDue();

            assertThat(RECEIVED).extracting(Received::path).containsExactlyInAnyOrder(gonePath, keptPath);
            assertThat(ids(BOB)).as("410: the browser revoked it").containsExactly(keptId).doesNotContain(goneId);
            assertThat(jdbc.sql("""
                    select status from notification
                     where user_id = (select user_id from push_subscription where id = :id) and kind = 'NEW_MESSAGE'""")
                    .param("id", UUID.fromString(keptId)).query(String.class).list())
                    .as("push only (email turned off), taken by one device").containsExactly("sent");
            // A Spanish-speaking patient's device gets the Spanish words.
            JsonNode notice = Api.JSON.readTree(decrypt(RECEIVED.stream().filter(r -> r.path().equals(keptPath))
                    .findFirst().orElseThrow().body(), kept));
            assertThat(notice.get("body").asString()).startsWith("Tiene un nuevo mensaje seguro de Riverside Family Medicine");

            ANSWERS.put(keptPath, 404);
            RECEIVED.clear();
            demo.send(KIM, conversation, "Another answer");
            later(Duration.ofMinutes(3));
            dispatcher.dispatchDue();
            assertThat(RECEIVED).hasSize(1);
            assertThat(ids(BOB)).as("404 removes it too").isEmpty();
        } finally {
            api.put("/api/v1/me/notification-preferences").token(demo.token(BOB)).json(Map.of("channel", "email")).send();
        }
    }

    @Test
    void aSubscriptionMustPointAtAKnownPushServiceWithTheBrowsersKeys() throws Exception {
        Browser browser = browser();
        for (String endpoint : List.of("https://evil.example/push/1", "http://169.254.169.254/latest/meta-data",
                "ftp://127.0.0.1/push/1", "http://user@127.0.0.1:1/push/1", "not a url", "")) {
            Api.Response refused = subscribe(ALICE, endpoint, browser);
            assertThat(refused.status()).as(endpoint).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api.Response badKey = api.post("/api/v1/me/push-subscriptions").token(demo.token(ALICE)).json(Map.of(
                "endpoint", endpoint("/push/x"), "keys", Map.of("p256dh", b64(new byte[65]), "auth", b64(browser.auth()))))
                .send();
        assertThat(badKey.status()).as("not a point on the curve").isEqualTo(400);
        Api.Response shortAuth = api.post("/api/v1/me/push-subscriptions").token(demo.token(ALICE)).json(Map.of(
                "endpoint", endpoint("/push/x"), "keys", Map.of("p256dh", browser.p256dh(), "auth", b64(new byte[3]))))
                .send();
        assertThat(shortAuth.status()).isEqualTo(400);
        assertThat(ids(ALICE)).isEmpty();
        assertThat(api.get("/api/v1/me/push-subscriptions").send().status()).as("signed in only").isEqualTo(401);
    }

    @Test
    void onlyTheOwnerRemovesADeviceAndAnotherPersonsIdIsNotFound() throws Exception {
        String id = subscribe(ALICE, endpoint("/push/" + UUID.randomUUID()), browser()).json().get("id").asString();
        Api.Response theirs = api.delete("/api/v1/me/push-subscriptions/" + id).token(demo.token(BOB)).send();
        Api.Response missing = api.delete("/api/v1/me/push-subscriptions/" + UUID.randomUUID()).token(demo.token(BOB)).send();
        Api.Response malformed = api.delete("/api/v1/me/push-subscriptions/not-an-id").token(demo.token(BOB)).send();
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(theirs.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());
        assertThat(ids(BOB)).isEmpty();
        assertThat(ids(ALICE)).containsExactly(id);
        assertThat(api.delete("/api/v1/me/push-subscriptions/" + id).token(demo.token(ALICE)).send().status()).isEqualTo(204);
        assertThat(ids(ALICE)).isEmpty();
    }

    // ------------------------------------------------------------ a browser's side

    private Api.Response subscribe(String user, String endpoint, Browser browser) {
        return api.post("/api/v1/me/push-subscriptions").token(demo.token(user))
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36")
                .json(Map.of("endpoint", endpoint, "keys", Map.of("p256dh", browser.p256dh(), "auth", b64(browser.auth()))))
                .send();
    }

    private List<String> ids(String user) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/me/push-subscriptions").token(demo.token(user)).send().json().get("items")
                .forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private static String endpoint(String path) {
        return "http://127.0.0.1:" + PUSH_SERVICE.getAddress().getPort() + path;
    }

    private static Browser browser() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new Browser(generator.generateKeyPair(), auth);
    }

    /** RFC 8291 and RFC 8188, as the browser decrypts: the push's salt and server key, the device's keys. */
    static byte[] decrypt(byte[] body, Browser browser) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = in.get() & 0xff;
        assertThat(idLength).as("the key id is the server's public key").isEqualTo(65);
        byte[] serverPublic = new byte[idLength];
        in.get(serverPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        assertThat(ciphertext.length).isLessThanOrEqualTo(recordSize);

        ECPublicKey mine = (ECPublicKey) browser.keys().getPublic();
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(browser.keys().getPrivate());
        ecdh.doPhase(publicKey(serverPublic, mine), true);
        byte[] shared = ecdh.generateSecret();

        byte[] prkKey = hmac(browser.auth(), shared);
        byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0},
                uncompressed(mine), serverPublic, new byte[] {1});
        byte[] ikm = hmac(prkKey, keyInfo);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1})), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).as("the last record's delimiter").isEqualTo((byte) 2);
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static PublicKey publicKey(byte[] uncompressed, ECPublicKey sameCurve) throws Exception {
        byte[] x = Arrays.copyOfRange(uncompressed, 1, 33);
        byte[] y = Arrays.copyOfRange(uncompressed, 33, 65);
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), sameCurve.getParams()));
    }

    static byte[] uncompressed(ECPublicKey key) {
        return concat(new byte[] {4}, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(out::put);
        return out.array();
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
