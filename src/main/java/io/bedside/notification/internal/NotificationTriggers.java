package io.bedside.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.bedside.identity.Accounts;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.SystemAuthor;
import io.bedside.practice.CareTeams;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;
import io.bedside.workflow.ConversationOverdue;
import io.bedside.workflow.UrgentMessageReceived;

/**
 * Writes notices into the outbox in the transaction of what causes them, so a rolled-back send
 * leaves none: a care team's message to a patient (after a delay, so a burst of replies, or a
 * reply read at once, gives at most one notice), an urgent message to whoever is on call, an
 * overdue conversation to the team's lead.
 */
@Component
class NotificationTriggers {

    private final Outbox outbox;
    private final Accounts accounts;
    private final CareTeams careTeams;
    private final Clock clock;
    private final Duration delay;

    NotificationTriggers(Outbox outbox, Accounts accounts, CareTeams careTeams, Clock clock,
            @Value("${bedside.notification.delay:2m}") Duration delay) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.careTeams = careTeams;
        this.clock = clock;
        this.delay = delay;
    }

    @EventListener
    void on(MessageSent e) {
        if (e.fromPatient() || e.internal() || SystemAuthor.is(e.authorId())) {
            return;
        }
        newMessageForPatient(e.practiceId(), e.patientId(), e.conversationId(), e.careTeamId());
    }

    /** A campaign's message is a message from the care team like any other: the same PHI-free notice. */
    @EventListener
    void on(io.bedside.messaging.CampaignConversationStarted e) {
        newMessageForPatient(e.practiceId(), e.patientId(), e.conversationId(), e.careTeamId());
    }

    private void newMessageForPatient(io.bedside.shared.PracticeId practice, io.bedside.shared.PatientId patientId,
            io.bedside.messaging.ConversationId conversation, io.bedside.shared.CareTeamId team) {
        accounts.patientAccount(practice, patientId).ifPresent(patient -> {
            if (!outbox.pending(practice, patient, Outbox.Kind.NEW_MESSAGE)) {
                Instant now = Timestamps.now(clock);
                outbox.add(practice, patient, Outbox.Kind.NEW_MESSAGE, conversation.value(), team, now.plus(delay), now);
            }
        });
    }

    @EventListener
    void on(UrgentMessageReceived e) {
        Instant now = Timestamps.now(clock);
        var contacts = careTeams.contacts(e.practiceId(), e.careTeamId());
        var onCall = contacts.onCall().isEmpty() && contacts.lead() != null ? java.util.List.of(contacts.lead())
                : contacts.onCall();
        for (UserId staff : onCall) {
            outbox.add(e.practiceId(), staff, Outbox.Kind.URGENT, e.conversationId().value(), e.careTeamId(), now, now);
        }
    }

    @EventListener
    void on(io.bedside.identity.PatientLinkRequested e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), e.purpose() == io.bedside.identity.PatientLinkRequested.Purpose.INVITATION
                ? Outbox.Kind.INVITATION : Outbox.Kind.SIGN_IN_LINK, null, null, now, now);
    }

    /** A member of staff's invitation email, with its own link made when it is sent. */
    @EventListener
    void on(io.bedside.identity.StaffInvited e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Outbox.Kind.STAFF_INVITATION, null, null, now, now);
    }

    /** A password reset email, with its own link made when it is sent. */
    @EventListener
    void on(io.bedside.identity.PasswordResetRequested e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Outbox.Kind.PASSWORD_RESET, null, null, now, now);
    }

    @EventListener
    void on(ConversationOverdue e) {
        Instant now = Timestamps.now(clock);
        UserId lead = careTeams.contacts(e.practiceId(), e.careTeamId()).lead();
        if (lead != null) {
            outbox.add(e.practiceId(), lead, Outbox.Kind.OVERDUE, e.conversationId().value(), e.careTeamId(), now, now);
        }
    }

    // ------------------------------------------------------------ a patient's change of email address

    /** The link to the new address, made when the email is sent. */
    @EventListener
    void on(io.bedside.identity.EmailChangeRequested e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Outbox.Kind.EMAIL_CHANGE, null, null, now, now);
    }

    /** The old address is told of the change. */
    @EventListener
    void on(io.bedside.identity.EmailChanged e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Outbox.Kind.EMAIL_CHANGED, e.changeId(), null, now, now);
    }
}
