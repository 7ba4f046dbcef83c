package io.bedside.notification.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.patient.PhoneNumbers;
import io.bedside.shared.ConflictException;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Timestamps;

/**
 * The inbound webhook's work, kept short so the gateway gets its answer at once: check the
 * signature under the secret of the practice that owns the {@code To} number, refuse a request
 * signed before (replay), treat a gateway message id seen before as delivered (idempotent), and
 * store the raw request as one ciphertext in the queue. {@link InboundTextWorker} does the rest.
 */
@Service
public class InboundTexts {

    /** What became of a request: queued now, or a duplicate of one queued before (nothing stored). */
    public enum Outcome { QUEUED, DUPLICATE }

    private final SmsNumbers numbers;
    private final InboundTextRows rows;
    private final PracticeEncryption encryption;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InboundTexts(SmsNumbers numbers, InboundTextRows rows, PracticeEncryption encryption,
            TransactionTemplate transaction, Clock clock) {
        this.numbers = numbers;
        this.rows = rows;
        this.encryption = encryption;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Receives one signed request: 401 unsigned, 403 a signature that does not match (or a number
     * no practice connected, which cannot be told apart from a forgery) or a timestamp outside the
     * window, 409 the same signed request again, 400 a signed request that is not an inbound text.
     */
    public Outcome receive(byte[] body, String signature, String timestamp, String url) {
        WebhookSignatures.requirePresent(signature, timestamp);
        InboundForm form;
        try {
            form = InboundForm.parse(body);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("The signature does not match.");
        }
        SmsNumbers.Connected number = numbers.byPhone(form.to())
                .orElseThrow(() -> new ForbiddenException("The signature does not match."));
        Instant now = Timestamps.now(clock);
        WebhookSignatures.verify(number.secret(), signature, timestamp, "POST", url, body, now);
        if (form.messageSid() == null || !form.messageSid().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidRequestException("MessageSid", "MessageSid must be the gateway's message id (1 to 64 letters, digits, - or _).");
        }
        if (PhoneNumbers.e164(form.from()) == null) {
            throw new InvalidRequestException("From", "From must be the sender's number in E.164.");
        }
        String seal = signature.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            return transaction.execute(tx -> {
                if (rows.signatureSeen(seal)) {
                    throw new ConflictException("This signed request was received before: a replay is refused.");
                }
                if (rows.gatewayIdSeen(number.practiceId(), form.messageSid())) {
                    return Outcome.DUPLICATE;
                }
                UUID id = UUID.randomUUID();
                rows.insert(id, number.practiceId(), form.messageSid(), seal, encryption.encrypt(number.practiceId(),
                        body, AssociatedData.of(SmsCiphertexts.INBOUND, id)), now);
                return Outcome.QUEUED;
            });
        } catch (DuplicateKeyException raced) {
            // Two deliveries at once: the other one stored it.
            if (rows.signatureSeen(seal) && !rows.gatewayIdSeen(number.practiceId(), form.messageSid())) {
                throw new ConflictException("This signed request was received before: a replay is refused.");
            }
            return Outcome.DUPLICATE;
        }
    }
}
