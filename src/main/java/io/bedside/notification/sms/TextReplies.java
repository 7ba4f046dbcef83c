package io.bedside.notification.sms;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.patient.PhoneNumbers;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.PracticeId;

/**
 * The fixed answers to inbound texts, in the texter's language ({@code sms.reply.<code>}): they
 * name the practice and its phone, never a patient. The notification outbox sends them
 * ({@code SMS_REPLY}); once one went, nothing of the text it answers is kept.
 */
@Service
public class TextReplies {

    public enum Reply {
        STOPPED, STARTED, HELP, UNKNOWN, MEDIA_REFUSED;

        String key() {
            return "sms.reply." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** An answer to send: the number that texted and the words. */
    public record Outgoing(String to, String text) {
        @Override
        public String toString() {
            return "Outgoing[]";
        }
    }

    private final InboundTextRows rows;
    private final PracticeEncryption encryption;
    private final Practices practices;
    private final MessageSource messages;

    TextReplies(InboundTextRows rows, PracticeEncryption encryption, Practices practices, MessageSource messages) {
        this.rows = rows;
        this.encryption = encryption;
        this.practices = practices;
        this.messages = messages;
    }

    /** The answer queued for an inbound text; empty when there is none (or it went already). */
    public Optional<Outgoing> outgoing(PracticeId practice, UUID inbound) {
        return rows.find(practice, inbound).filter(r -> r.reply() != null && r.contentCiphertext() != null)
                .flatMap(r -> {
                    byte[] raw = encryption.decrypt(practice, r.contentCiphertext(),
                            AssociatedData.of(SmsCiphertexts.INBOUND, r.id()));
                    String to = PhoneNumbers.e164(InboundForm.parse(raw).from());
                    Practice p = practices.find(practice).orElseThrow();
                    return to == null ? Optional.empty() : Optional.of(new Outgoing(to,
                            text(Reply.valueOf(r.reply()), p, Locale.forLanguageTag(r.replyLanguage()))));
                });
    }

    /** The answer went: the text's number and words are erased. */
    public void sent(PracticeId practice, UUID inbound) {
        rows.erase(practice, inbound);
    }

    String text(Reply reply, Practice practice, Locale locale) {
        String phone = practice.phone() == null || practice.phone().isBlank() ? "-" : practice.phone();
        return messages.getMessage(reply.key(), new Object[] {practice.shownName(), phone}, locale);
    }
}
