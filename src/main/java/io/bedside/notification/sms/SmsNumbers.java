package io.bedside.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.patient.PhoneNumbers;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * A practice's own SMS number (two-way texting): practice admins connect it with its full-text
 * setting; Bedside makes the gateway's webhook signing secret, shows it once and keeps it only
 * as ciphertext. Outbound texts of the practice go from this number. Every change is audited.
 */
@Service
public class SmsNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the settings show: never the secret, only whether there is one. */
    public record Settings(String phone, boolean fullText, boolean connected) {
    }

    /** The number as connected, with its secret in clear (for checking a webhook's signature only). */
    public record Connected(PracticeId practiceId, String phone, boolean fullText, byte[] secret) {
        @Override
        public String toString() {
            return "Connected[" + practiceId + "]";
        }
    }

    /** A change saved; {@code secret} is the new webhook secret, shown once, or null when it was kept. */
    public record Saved(Settings settings, String secret) {
        @Override
        public String toString() {
            return "Saved[" + settings.connected() + "]";
        }
    }

    private final SmsNumberRows rows;
    private final PracticeEncryption encryption;
    private final AuditTrail audit;
    private final Clock clock;

    SmsNumbers(SmsNumberRows rows, PracticeEncryption encryption, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
    }

    public Settings settings(Actor actor) {
        actor.requireAdmin();
        return rows.find(actor.practiceId()).map(r -> new Settings(r.phone(), r.fullText(), true))
                .orElse(new Settings(null, false, false));
    }

    /**
     * Connects (or changes) the practice's number. A new secret is made when the number is new or
     * {@code newSecret} is asked; it is returned once. {@code phone} blank disconnects the number.
     */
    @Transactional
    public Saved save(Actor actor, String phone, Boolean fullText, boolean newSecret) {
        actor.requireAdmin();
        PracticeId practice = actor.practiceId();
        Optional<SmsNumberRows.Row> current = rows.find(practice);
        if (phone == null || phone.isBlank()) {
            rows.delete(practice);
            record(actor);
            return new Saved(new Settings(null, false, false), null);
        }
        String number = PhoneNumbers.e164(phone);
        if (number == null) {
            throw new InvalidRequestException("phone", "phone must be the SMS number in E.164, such as +15555550100.");
        }
        boolean full = fullText == null ? current.map(SmsNumberRows.Row::fullText).orElse(false) : fullText;
        String secret = null;
        byte[] sealed = null;
        if (current.isEmpty() || newSecret) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            sealed = encryption.encrypt(practice, secret.getBytes(StandardCharsets.UTF_8), context(practice));
        }
        try {
            rows.save(practice, number, full, sealed, Timestamps.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This SMS number is connected to another practice.");
        }
        record(actor);
        return new Saved(new Settings(number, full, true), secret);
    }

    /** The practice that owns this number, with its secret, if one does. */
    public Optional<Connected> byPhone(String phone) {
        String number = PhoneNumbers.e164(phone);
        return number == null ? Optional.empty() : rows.byPhone(number).map(r -> new Connected(r.practiceId(),
                r.phone(), r.fullText(), encryption.decrypt(r.practiceId(), r.secretCiphertext(), context(r.practiceId()))));
    }

    /** The number the practice's texts go from, if it connected one. */
    public Optional<String> from(PracticeId practice) {
        return rows.find(practice).map(SmsNumberRows.Row::phone);
    }

    /** Whether the practice lets replies go out in full by text (to patients who agreed). */
    public boolean fullText(PracticeId practice) {
        return rows.find(practice).map(SmsNumberRows.Row::fullText).orElse(false);
    }

    private void record(Actor actor) {
        audit.record(AuditRecord.allowed(actor, null, AuditAction.SMS_NUMBER_CHANGED, "practice", actor.practiceId()));
    }

    private static AssociatedData context(PracticeId practice) {
        return AssociatedData.of(SmsCiphertexts.SECRET, practice);
    }
}
