package io.bedside.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.Priority;
import io.bedside.messaging.SystemAuthor;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.patient.system.SystemPatients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.HumanTimes;
import io.bedside.shared.PromisedResponse;
import io.bedside.shared.Timestamps;
import io.bedside.workflow.AfterHoursTexts;
import io.bedside.workflow.UrgentMessageReceived;
import io.bedside.workflow.UrgentPhrases;
import io.bedside.workflow.UrgentWords;

/**
 * What happens right after a patient writes, in the same transaction as their message: the
 * answer clock starts (in business time), outside office hours Bedside replies once per closed
 * period with when to expect an answer, and urgent words bring emergency guidance, the urgent
 * priority and a notice to whoever is on call. A staff reply stops the clock.
 *
 * <p>Order 400: workflow's reactions come last among messaging's reactions. This one changes the
 * conversation again (Bedside's own messages, the urgent priority), and those changes' reactions
 * run nested inside it; by then live has recorded the patient's message (so the stream shows it
 * before Bedside's answer) and notification has queued its notices for the conversation as the
 * patient's message left it. That is the order these listeners had as Spring event listeners
 * (the order of their package names).
 */
@Component
@Order(400)
class PatientMessageRules implements ConversationReactions {

    private static final Logger log = LoggerFactory.getLogger(PatientMessageRules.class);

    private final PromiseRows promises;
    private final SystemConversations conversations;
    private final CareTeams careTeams;
    private final Practices practices;
    private final SystemPatients patients;
    private final UrgentPhrases urgentPhrases;
    private final AfterHoursTexts afterHoursTexts;
    private final ApplicationEventPublisher events;
    private final UrgentClock urgentClock;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final HumanTimes times;

    PatientMessageRules(PromiseRows promises, SystemConversations conversations, CareTeams careTeams, Practices practices,
            SystemPatients patients, UrgentPhrases urgentPhrases, AfterHoursTexts afterHoursTexts,
            ApplicationEventPublisher events, UrgentClock urgentClock,
            PlatformTransactionManager transactions, Clock clock, HumanTimes times) {
        this.urgentClock = urgentClock;
        this.promises = promises;
        this.conversations = conversations;
        this.careTeams = careTeams;
        this.practices = practices;
        this.patients = patients;
        this.urgentPhrases = urgentPhrases;
        this.afterHoursTexts = afterHoursTexts;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.times = times;
    }

    @Override
    public void messageSent(MessageSent e) {
        if (e.internal() || SystemAuthor.is(e.authorId())) {
            return;
        }
        Instant now = Timestamps.now(clock);
        if (!e.fromPatient()) {
            promises.find(e.practiceId(), e.conversationId()).filter(r -> r.waitingSince() != null)
                    .ifPresent(r -> promises.answered(e.conversationId(), now));
            return;
        }
        CareTeam team = careTeams.findInPractice(e.practiceId(), e.careTeamId()).orElse(null);
        if (team == null) {
            return;
        }
        OfficeHours hours = careTeams.officeHours(e.practiceId(), e.careTeamId());
        PromiseRows.Row row = promises.lock(e.practiceId(), e.conversationId(), e.careTeamId(), now);
        Instant due = row.waitingSince() != null && row.dueAt() != null ? row.dueAt()
                : hours.answerDue(now, new PromisedResponse(team.expectedResponseHours()));
        if (row.waitingSince() == null) {
            promises.startWaiting(e.conversationId(), now, due, now);
            // A conversation still flagged urgent (nobody has called yet) is due within the urgent target.
            urgentClock.settle(e.practiceId(), e.conversationId(), now);
        }
        Practice practice = practices.find(e.practiceId()).orElseThrow();
        String language = patients.preferredLanguage(e.practiceId(), e.patientId())
                .orElse(practice.defaultLanguage());

        boolean urgent = checkUrgentWords(e, practice, language, now) || conversations
                .isUrgent(e.practiceId(), e.conversationId());

        // In an urgent conversation the emergency guidance speaks alone: no calm "expect an answer by".
        if (!urgent && !hours.isOpen(now)) {
            Optional<Instant> closedSince = hours.lastClosing(now);
            boolean repliedThisPeriod = row.afterHoursReplyAt() != null
                    && (closedSince.isEmpty() || !row.afterHoursReplyAt().isBefore(closedSince.get()));
            if (!repliedThisPeriod) {
                String text = afterHoursTexts.render(e.practiceId(), language, practice.shownName(), practice.phone(),
                        times.sentence(hours.nextOpening(now), practice.timeZone(), WorkflowTexts.locale(language)),
                        times.sentence(due, practice.timeZone(), WorkflowTexts.locale(language)));
                conversations.postSystemMessage(e.practiceId(), e.conversationId(), text, "auto_reply.sent");
                promises.afterHoursReplied(e.conversationId(), now);
            }
        }
    }

    /**
     * True when the message held urgent words. Never stops the send: a failure here is logged (ids
     * only) and the message stands.
     */
    private boolean checkUrgentWords(MessageSent e, Practice practice, String language, Instant now) {
        try {
            return Boolean.TRUE.equals(savepoint.execute(tx -> {
                // The body and, for a conversation's first message, its subject and request fields:
                // each checked apart, so words are never joined across two fields.
                UrgentWords matcher = urgentPhrases.matcher(e.practiceId());
                if (conversations.textsForUrgentCheck(e.practiceId(), e.messageId()).stream()
                        .allMatch(text -> matcher.find(text).isEmpty())) {
                    return false;
                }
                conversations.postSystemMessage(e.practiceId(), e.conversationId(),
                        WorkflowTexts.urgentGuidance(practice.shownName(), language), "urgent.guidance_sent");
                conversations.setPriorityAsSystem(e.practiceId(), e.conversationId(), Priority.URGENT, "urgent.detected");
                urgentClock.flagged(e.practiceId(), e.conversationId(), e.careTeamId(), now);
                events.publishEvent(new UrgentMessageReceived(e.practiceId(), e.conversationId(), e.careTeamId()));
                return true;
            }));
        } catch (RuntimeException failure) {
            log.error("Urgent-word check failed for message {} of conversation {}", e.messageId(), e.conversationId(),
                    failure);
            return false;
        }
    }
}
