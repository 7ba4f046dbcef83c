package io.bedside.notification.sms;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.messaging.system.TextFile;
import io.bedside.notification.NotificationPreferences;
import io.bedside.notification.internal.Outbox;
import io.bedside.patient.Patients;
import io.bedside.patient.PhoneNumbers;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Handles the queued inbound texts, outbox style: claims rows ({@code for update skip locked}, so
 * several nodes share the work; a claim older than the lease is taken over), then for each: a
 * carrier keyword (STOP, START, HELP) is honoured and answered; a text from a patient who agreed
 * to texting (and did not STOP) becomes their message through messaging's system API, its files
 * fetched and checked like uploads first (a refused file: the fixed answer, nothing stored); any
 * other number gets the fixed answer naming the practice's phone, and nothing is stored. Answers
 * go through the notification outbox. The text and its handling commit together.
 */
@Service
public class InboundTextWorker {

    private static final Logger log = LoggerFactory.getLogger(InboundTextWorker.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final InboundTextRows rows;
    private final PracticeEncryption encryption;
    private final TextConsent consent;
    private final TextMedia media;
    private final SystemConversations conversations;
    private final NotificationPreferences preferences;
    private final Outbox outbox;
    private final Practices practices;
    private final Patients patients;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InboundTextWorker(InboundTextRows rows, PracticeEncryption encryption, TextConsent consent, TextMedia media,
            SystemConversations conversations, NotificationPreferences preferences, Outbox outbox, Practices practices,
            Patients patients, MessageSource messages, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.rows = rows;
        this.encryption = encryption;
        this.consent = consent;
        this.media = media;
        this.conversations = conversations;
        this.preferences = preferences;
        this.outbox = outbox;
        this.practices = practices;
        this.patients = patients;
        this.messages = messages;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bedside.sms.inbound-interval:2s}",
            initialDelayString = "${bedside.sms.inbound-interval:2s}")
    void scheduled() {
        try {
            processDue();
        } catch (RuntimeException e) {
            log.error("Inbound text processing failed; it runs again shortly", e);
        }
    }

    /** Claims and handles every queued text; returns how many were claimed. */
    public int processDue() {
        Instant now = Timestamps.now(clock);
        List<InboundTextRows.Row> batch = transaction.execute(tx -> rows.claim(now, now.minus(LEASE), 20));
        for (InboundTextRows.Row row : batch) {
            try {
                handle(row);
            } catch (IOException | RuntimeException e) {
                String reason = e.getClass().getSimpleName();
                if (row.attempts() >= MAX_ATTEMPTS) {
                    log.warn("Inbound text {} failed for good after {} attempts: {}", row.id(), row.attempts(), reason);
                    rows.failed(row.id(), reason);
                } else {
                    rows.later(row.id(), Timestamps.now(clock).plusSeconds(30L << Math.min(row.attempts(), 6)), reason);
                }
            }
        }
        return batch.size();
    }

    private void handle(InboundTextRows.Row row) throws IOException {
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        InboundForm form = InboundForm.parse(encryption.decrypt(row.practiceId(), row.contentCiphertext(),
                AssociatedData.of(SmsCiphertexts.INBOUND, row.id())));
        String from = PhoneNumbers.e164(form.from());
        Optional<TextConsent.Holder> holder = consent.holderOf(practice.id(), from);
        String language = holder.flatMap(h -> patients.contact(practice.id(), h.patientId()))
                .map(Patients.Contact::language).filter(l -> l != null && !l.isBlank())
                .orElse(practice.defaultLanguage() == null ? "en" : practice.defaultLanguage());
        Optional<TextKeywords.Found> keyword = form.media().isEmpty() ? TextKeywords.of(form.body()) : Optional.empty();
        if (keyword.isPresent()) {
            keyword(row, practice, holder, from, keyword.get(), keyword.get().spanish() ? "es" : language);
            return;
        }
        if (holder.isEmpty()) {
            // A stranger (or a number whose agreement ended): how to reach the practice, once a day at
            // most; nothing kept. After STOP, not even that: carriers allow nothing more.
            transaction.executeWithoutResult(tx -> finishIn(row,
                    consent.strangerStopped(practice.id(), from) || !consent.answerStranger(practice.id(), from) ? null
                            : TextReplies.Reply.UNKNOWN,
                    language, Outbox.NOBODY));
            return;
        }
        TextConsent.Holder patient = holder.get();
        if (patient.stopped() || form.body().isBlank() && form.media().isEmpty()) {
            finish(row, null, language, patient.userId());
            return;
        }
        List<TextFile> files = new ArrayList<>();
        try {
            for (int i = 0; i < form.media().size(); i++) {
                if (i >= InboundForm.MAX_MEDIA) {
                    throw new TextMedia.Refused("too many files");
                }
                TextFile file = new TextFile("text-message-" + (i + 1), media.fetch(form.media().get(i).url()));
                conversations.checkTextFile(file);
                files.add(file);
            }
        } catch (TextMedia.Refused | InvalidRequestException refused) {
            finish(row, TextReplies.Reply.MEDIA_REFUSED, language, patient.userId());
            return;
        }
        String subject = messages.getMessage("sms.conversation.subject", null, Locale.forLanguageTag(language));
        transaction.executeWithoutResult(tx -> {
            conversations.postFromPatientByText(practice.id(), patient.userId(), patient.patientId(), form.body().strip(),
                    files, subject);
            rows.done(row.id(), null, null);
        });
    }

    private void keyword(InboundTextRows.Row row, Practice practice, Optional<TextConsent.Holder> holder, String from,
            TextKeywords.Found found, String language) {
        UserId user = holder.map(TextConsent.Holder::userId).orElse(Outbox.NOBODY);
        transaction.executeWithoutResult(tx -> {
            TextReplies.Reply reply;
            AuditAction action;
            switch (found.keyword()) {
                case STOP -> {
                    consent.stop(practice.id(), holder, from);
                    holder.ifPresent(h -> preferences.textsByKeyword(practice.id(), h.userId(), false));
                    reply = TextReplies.Reply.STOPPED;
                    action = AuditAction.SMS_STOPPED;
                }
                case START -> {
                    consent.restart(practice.id(), holder, from);
                    holder.ifPresent(h -> preferences.textsByKeyword(practice.id(), h.userId(), true));
                    reply = TextReplies.Reply.STARTED;
                    action = AuditAction.SMS_RESTARTED;
                }
                default -> {
                    reply = TextReplies.Reply.HELP;
                    action = AuditAction.SMS_HELP;
                }
            }
            // On the patient's trail when the number is a patient's; otherwise on the practice's, naming no one.
            audit.record(new AuditRecord(practice.id(), null, holder.map(TextConsent.Holder::patientId).orElse(null),
                    action.code(), "sms", row.id().toString(), true));
            finishIn(row, reply, language, user);
        });
    }

    private void finish(InboundTextRows.Row row, TextReplies.Reply reply, String language, UserId user) {
        transaction.executeWithoutResult(tx -> finishIn(row, reply, language, user));
    }

    private void finishIn(InboundTextRows.Row row, TextReplies.Reply reply, String language, UserId user) {
        rows.done(row.id(), reply == null ? null : reply.name(), reply == null ? null : language);
        if (reply != null) {
            outbox.queueTextReply(row.practiceId(), user, row.id(), Timestamps.now(clock));
        }
    }
}
