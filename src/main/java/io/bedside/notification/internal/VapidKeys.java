package io.bedside.notification.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.springframework.stereotype.Component;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.notification.PushProperties;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * VAPID key pairs (RFC 8292): the one the deployment configures for every practice, else each
 * practice's own, made at its first use and kept with the private key as ciphertext under the
 * practice's keys (so every node signs with the same pair). Browsers subscribe with the public key;
 * a push signed by another key is refused by the push service, so the pair must not change while
 * subscriptions live (a new pair means every device subscribes again).
 */
@Component
class VapidKeys {

    static final String CURVE = "prime256v1";

    static {
        // The web-push library looks its keys and ciphers up from the BouncyCastle provider by name;
        // added last, so it never replaces the JDK's own providers for anything else.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** A pair, and its public key as the browser takes it (base64url of the uncompressed point). */
    record Pair(String publicKey, KeyPair keys) {
        @Override
        public String toString() {
            return "Pair[" + publicKey + "]";
        }
    }

    private final VapidKeyRows rows;
    private final PracticeEncryption encryption;
    private final Clock clock;
    private final Pair configured;
    private final Map<PracticeId, Pair> pairs = new ConcurrentHashMap<>();

    VapidKeys(VapidKeyRows rows, PracticeEncryption encryption, Clock clock, PushProperties properties) {
        this.rows = rows;
        this.encryption = encryption;
        this.clock = clock;
        PushProperties.Vapid vapid = properties.vapid();
        this.configured = vapid.configured() ? load(vapid.publicKey().strip(), decode(vapid.privateKey().strip())) : null;
    }

    Pair of(PracticeId practice) {
        if (configured != null) {
            return configured;
        }
        return pairs.computeIfAbsent(practice, this::stored);
    }

    private Pair stored(PracticeId practice) {
        var row = rows.find(practice);
        if (row.isEmpty()) {
            Pair fresh = generate();
            byte[] secret = ((ECPrivateKey) fresh.keys().getPrivate()).getD().toByteArray();
            // Two nodes may make one at once: the first insert wins and both read it back.
            try {
                rows.insertIfAbsent(practice, fresh.publicKey(), encryption.encrypt(practice, secret, context(practice)),
                        Timestamps.now(clock));
            } catch (org.springframework.dao.DataIntegrityViolationException anotherNodeWasFirst) {
                // Read back below: the pair that node stored.
            }
            row = rows.find(practice);
        }
        VapidKeyRows.Row found = row.orElseThrow();
        return load(found.publicKey(), encryption.decrypt(practice, found.privateKeyCiphertext(), context(practice)));
    }

    private static AssociatedData context(PracticeId practice) {
        return AssociatedData.of("push.vapid", practice.value().toString());
    }

    /** A new P-256 pair. */
    static Pair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ECDH", BouncyCastleProvider.PROVIDER_NAME);
            generator.initialize(ECNamedCurveTable.getParameterSpec(CURVE));
            KeyPair pair = generator.generateKeyPair();
            return new Pair(encode(((ECPublicKey) pair.getPublic()).getQ().getEncoded(false)), pair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No P-256 key pair could be made", e);
        }
    }

    /** A pair from the public key (base64url, uncompressed point) and the private scalar's bytes. */
    static Pair load(String publicKey, byte[] privateScalar) {
        try {
            ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec(CURVE);
            var factory = java.security.KeyFactory.getInstance("ECDH", BouncyCastleProvider.PROVIDER_NAME);
            PublicKey pub = factory.generatePublic(new ECPublicKeySpec(spec.getCurve().decodePoint(decode(publicKey)), spec));
            PrivateKey priv = factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, privateScalar), spec));
            if (!spec.getG().multiply(((ECPrivateKey) priv).getD()).normalize()
                    .equals(((ECPublicKey) pub).getQ().normalize())) {
                throw new IllegalStateException("The VAPID public key does not belong to the private key");
            }
            return new Pair(encode(((ECPublicKey) pub).getQ().getEncoded(false)), new KeyPair(pub, priv));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The VAPID keys could not be read (base64url, P-256)", e);
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Base64url with or without padding (standard base64 accepted too). */
    static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text.strip().replace('+', '-').replace('/', '_').replace("=", ""));
    }
}
