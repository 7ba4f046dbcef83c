package io.bedside.notification.sms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * The one case where a reply's words leave Bedside: a text message in full, only when the practice
 * turned full-text SMS on and the patient agreed to receive health information by text (whose words
 * say texts are not encrypted), and has not texted STOP. Otherwise, and for a notice that covers
 * several conversations, the PHI-free notice goes as before. The reply is read through messaging's
 * audited door ({@code message.sms-disclosed}).
 */
@Service
public class FullTextReplies {

    static final int MAX_CHARS = 1000;

    private final SmsNumbers numbers;
    private final TextConsent consent;
    private final SystemConversations conversations;
    private final MessageSource messages;

    FullTextReplies(SmsNumbers numbers, TextConsent consent, SystemConversations conversations, MessageSource messages) {
        this.numbers = numbers;
        this.consent = consent;
        this.conversations = conversations;
        this.messages = messages;
    }

    /** The text message in full for a notice of new messages, or empty when only the notice may go. */
    public Optional<String> text(PracticeId practice, UserId user, List<UUID> noticeConversations, String practiceName,
            String link, boolean spanish) {
        if (noticeConversations.size() != 1 || !numbers.fullText(practice) || !consent.healthByText(practice, user)) {
            return Optional.empty();
        }
        ConversationId id = ConversationId.of(noticeConversations.get(0));
        return conversations.facts(practice, id)
                .flatMap(facts -> conversations.newestReplyForText(practice, id, facts.patientId()))
                .map(body -> body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) + "…" : body)
                .map(body -> messages.getMessage("sms.full-text", new Object[] {practiceName, body, link},
                        spanish ? Locale.forLanguageTag("es") : Locale.ENGLISH));
    }
}
