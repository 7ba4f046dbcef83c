package io.bedside.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.shared.Actor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Staff two-step sign-in: a password, then a six-digit code from an authenticator app (TOTP,
 * RFC 6238: SHA-1, 30-second steps, one step of clock drift either way). The shared secret (160
 * random bits) is stored only as ciphertext under the practice's key. A code is accepted once:
 * the step it belongs to must be later than the last one used, moved forward by a conditional
 * update, so two requests with the same code cannot both pass. Demo accounts are exempt.
 */
@Component
public class TwoStep {

    static final int STEP_SECONDS = 30;

    /** What an authenticator app needs to be set up: the secret as text, its otpauth link and a QR code. */
    public record Setup(String secret, String uri, String qrDataUri) {
        @Override
        public String toString() {
            return "Setup[***]";
        }
    }

    private final TwoStepRows rows;
    private final PracticeEncryption encryption;
    private final Clock clock;
    private final RecoveryCodes recoveryCodes;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    TwoStep(TwoStepRows rows, PracticeEncryption encryption, Clock clock, RecoveryCodes recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
        this.rows = rows;
        this.encryption = encryption;
        this.clock = clock;
    }

    /**
     * The sign-in throttle's key for wrong codes of an account: a key of its own, which a right
     * password does not clear.
     */
    public static String throttleKey(UserId user) {
        return "two-step:" + user;
    }

    /** Whether this account signs in with a code as well as a password. */
    public boolean required(UserId user, Actor.Kind kind) {
        if (kind != Actor.Kind.STAFF) {
            return false;
        }
        return !rows.exempt(user);
    }

    /** Whether the account has a confirmed authenticator. */
    public boolean enrolled(UserId user) {
        return rows.confirmed(user);
    }

    /**
     * The authenticator being set up for this account: the same secret until it is confirmed, so a
     * reload shows the same QR code. Nothing for an account already enrolled.
     */
    public Optional<Setup> setup(UserId user, PracticeId practice, String accountName, String issuer) {
        if (enrolled(user)) {
            return Optional.empty();
        }
        String secret = pendingSecret(user, practice).orElseGet(() -> {
            String fresh = new DefaultSecretGenerator(32).generate();
            rows.replacePending(user, practice,
                    encryption.encrypt(practice, fresh.getBytes(StandardCharsets.US_ASCII), context(user)),
                    Timestamps.now(clock));
            return fresh;
        });
        QrData data = new QrData.Builder().label(accountName).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(STEP_SECONDS).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            png.setImageSize(220);
            return Optional.of(new Setup(secret, data.getUri(), Utils.getDataUriForImage(png.generate(data),
                    png.getImageMimeType())));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("the QR code could not be drawn", e);
        }
    }

    /** Confirms the authenticator being set up with a first code from it. */
    public boolean confirm(UserId user, PracticeId practice, String code) {
        Optional<String> secret = pendingSecret(user, practice);
        if (secret.isEmpty()) {
            return false;
        }
        Optional<Long> step = matchingStep(secret.get(), code);
        return step.isPresent() && rows.confirm(user, step.get(), Timestamps.now(clock));
    }

    /** Checks a code of an enrolled account, at most once per code. */
    public boolean verify(UserId user, PracticeId practice, String code) {
        Optional<byte[]> stored = rows.secret(user, practice, true);
        if (stored.isEmpty()) {
            return false;
        }
        String secret = new String(encryption.decrypt(practice, stored.get(), context(user)), StandardCharsets.US_ASCII);
        Optional<Long> step = matchingStep(secret, code);
        return step.isPresent() && rows.advance(user, step.get());
    }

    /**
     * A second step given as either a current code of the authenticator app or, in its place, an
     * unused recovery code ({@link RecoveryCodes}): for the sign-in page and the API alike.
     */
    public boolean verifyOrRecover(Actor actor, String code) {
        if (RecoveryCodes.looksLikeRecoveryCode(code)) {
            return recoveryCodes.use(actor, code);
        }
        return verify(actor.userId(), actor.practiceId(), code);
    }

    /**
     * Forgets the account's authenticator (a lost phone) and its recovery codes: the next sign-in
     * sets up a new one, with a new set of codes.
     */
    public void reset(UserId user) {
        rows.delete(user);
        recoveryCodes.voidAll(user);
    }

    /** Demo accounts sign in with their password alone. */
    public void exempt(UserId user) {
        rows.setExempt(user);
    }

    private Optional<String> pendingSecret(UserId user, PracticeId practice) {
        return rows.secret(user, practice, false).map(c -> new String(encryption.decrypt(practice, c, context(user)), StandardCharsets.US_ASCII));
    }

    /** The time step the code belongs to: now, or one step either side for a clock that drifts. */
    private Optional<Long> matchingStep(String secret, String code) {
        String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{6}")) {
            return Optional.empty();
        }
        long now = Timestamps.now(clock).getEpochSecond() / STEP_SECONDS;
        try {
            for (long step = now - 1; step <= now + 1; step++) {
                if (MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        digits.getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(step);
                }
            }
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
        return Optional.empty();
    }

    private static AssociatedData context(UserId user) {
        return AssociatedData.of("staff.totp", user);
    }
}
