package io.bedside.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.identity.Accounts;
import io.bedside.identity.Coverage;
import io.bedside.identity.CredentialChanged;
import io.bedside.identity.EmailChangeRequested;
import io.bedside.identity.EmailChanged;
import io.bedside.identity.PasswordResetRequested;
import io.bedside.identity.PatientLinkRequested;
import io.bedside.identity.ProxyInvited;
import io.bedside.identity.StaffInvited;
import io.bedside.messaging.CampaignConversationStarted;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.SystemAuthor;
import io.bedside.messaging.NoticeFacts;
import io.bedside.notification.NotificationPreferences;
import io.bedside.notification.StaffMessages;
import io.bedside.notification.internal.NotificationRows.Kind;
import io.bedside.practice.CareTeams;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;
import io.bedside.workflow.ConversationOverdue;
import io.bedside.workflow.UrgentMessageReceived;

/**
 * Writes notices into the outbox in the transaction of what causes them, so a rolled-back send
 * leaves none: a care team's message to a patient, and a patient's message to the members of
 * staff who chose to hear of it (both after a delay and coalesced, so a burst gives at most one
 * notice, and a message read at once none), an urgent message to whoever is on call, an overdue
 * conversation to the team's lead.
 *
 * <p>Messaging's changes arrive as {@link ConversationReactions} (order 200, after live's
 * {@code EventRecorder}, before outreach's and workflow's reactions): the notices read the
 * conversation as the change left it (provider, assignee), and workflow's urgent rule, which runs
 * later, changes neither; its urgent notice comes through {@link UrgentMessageReceived}. The other
 * modules' events (identity's, workflow's) stay plain Spring events, delivered synchronously in the
 * publisher's transaction; {@code @Order} does not apply to them.
 */
@Component
@Order(200)
class NotificationTriggers implements ConversationReactions {

    private final NotificationRows outbox;
    private final Accounts accounts;
    private final CareTeams careTeams;
    private final NoticeFacts conversations;
    private final NotificationPreferences preferences;
    private final Clock clock;
    private final Duration delay;
    private final Coverage coverage;

    NotificationTriggers(NotificationRows outbox, Accounts accounts, CareTeams careTeams, NoticeFacts conversations,
            NotificationPreferences preferences, Clock clock, @Value("${bedside.notification.delay:2m}") Duration delay,
            Coverage coverage) {
        this.coverage = coverage;
        this.outbox = outbox;
        this.accounts = accounts;
        this.careTeams = careTeams;
        this.conversations = conversations;
        this.preferences = preferences;
        this.clock = clock;
        this.delay = delay;
    }

    @Override
    public void messageSent(MessageSent e) {
        if (e.internal() || SystemAuthor.is(e.authorId())) {
            return;
        }
        if (e.fromPatient()) {
            newMessageForStaff(e);
            return;
        }
        // The patient's account and, unless the conversation is confidential, their proxies: the same
        // notice for each, which never names the patient.
        accounts.readersOf(e.practiceId(), e.patientId(), conversations.confidential(e.practiceId(), e.conversationId()))
                .forEach(reader -> later(e.practiceId(), reader, Kind.NEW_MESSAGE, e.conversationId(), e.careTeamId()));
    }

    /**
     * A campaign's message is a message from the care team like any other: the same PHI-free
     * notice to the patient. It rings no member of staff.
     */
    @Override
    public void campaignStarted(CampaignConversationStarted e) {
        // The patient's account and, unless the conversation is confidential, their proxies: the same
        // notice for each, which never names the patient.
        accounts.readersOf(e.practiceId(), e.patientId(), conversations.confidential(e.practiceId(), e.conversationId()))
                .forEach(reader -> later(e.practiceId(), reader, Kind.NEW_MESSAGE, e.conversationId(), e.careTeamId()));
    }

    /**
     * A patient's new message (the first of a conversation or a reply) for each member of staff
     * whose choice ({@link StaffMessages}) takes it in: the team's members
     * who hear of all, the provider the patient named, the assignee, and, while nobody is
     * assigned, whoever is on call; for any of these who is out of office, the colleague covering
     * for them instead. Never its author.
     */
    private void newMessageForStaff(MessageSent e) {
        NoticeFacts.StaffNamed facts = conversations.staffNamed(e.practiceId(), e.conversationId()).orElse(null);
        if (facts == null) {
            return;
        }
        Set<UserId> named = new LinkedHashSet<>();
        if (facts.providerId() != null) {
            named.add(facts.providerId());
        }
        if (facts.assigneeId() != null) {
            named.add(facts.assigneeId());
        } else {
            named.addAll(onCall(careTeams.contacts(e.practiceId(), e.careTeamId())));
        }
        // Whoever is out of office: the colleague covering for them hears of it in their place.
        Set<UserId> mine = new LinkedHashSet<>();
        named.forEach(staff -> mine.add(coverage.routedTo(e.practiceId(), staff)));
        Set<UserId> team = new LinkedHashSet<>();
        careTeams.findInPractice(e.practiceId(), e.careTeamId())
                .ifPresent(t -> t.members().forEach(m -> team.add(m.id())));
        Set<UserId> everyone = new LinkedHashSet<>(mine);
        everyone.addAll(team);
        everyone.remove(e.authorId());
        preferences.staffMessages(e.practiceId(), everyone).forEach((staff, choice) -> {
            if (choice.wants(team.contains(staff), mine.contains(staff))) {
                later(e.practiceId(), staff, Kind.PATIENT_MESSAGE, e.conversationId(), e.careTeamId());
            }
        });
    }

    private void later(PracticeId practice, UserId user, Kind kind, ConversationId conversation, CareTeamId team) {
        Instant now = Timestamps.now(clock);
        outbox.coalesce(practice, user, kind, conversation.value(), team, now.plus(delay), now);
    }

    /** Who is on call for a team: its members marked so, or its lead when nobody is. */
    private static List<UserId> onCall(CareTeams.Contacts contacts) {
        return contacts.onCall().isEmpty() && contacts.lead() != null ? List.of(contacts.lead()) : contacts.onCall();
    }

    @EventListener
    void on(UrgentMessageReceived e) {
        Instant now = Timestamps.now(clock);
        for (UserId staff : onCall(careTeams.contacts(e.practiceId(), e.careTeamId()))) {
            outbox.add(e.practiceId(), staff, Kind.URGENT, e.conversationId().value(), e.careTeamId(), now, now);
        }
    }

    @EventListener
    void on(PatientLinkRequested e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), e.purpose() == PatientLinkRequested.Purpose.INVITATION
                ? Kind.INVITATION : Kind.SIGN_IN_LINK, null, null, now, now);
    }

    /** A member of staff's invitation email, with its own link made when it is sent. */
    @EventListener
    void on(StaffInvited e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Kind.STAFF_INVITATION, null, null, now, now);
    }

    /** Someone given family access: their invitation email, with its own link made when it is sent. */
    @EventListener
    void on(ProxyInvited e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Kind.PROXY_INVITATION, null, null, now, now);
    }

    /** A password reset email, with its own link made when it is sent. */
    @EventListener
    void on(PasswordResetRequested e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Kind.PASSWORD_RESET, null, null, now, now);
    }

    @EventListener
    void on(ConversationOverdue e) {
        Instant now = Timestamps.now(clock);
        UserId lead = careTeams.contacts(e.practiceId(), e.careTeamId()).lead();
        if (lead != null) {
            outbox.add(e.practiceId(), lead, Kind.OVERDUE, e.conversationId().value(), e.careTeamId(), now, now);
        }
    }

    // ------------------------------------------------------------ a patient's change of email address

    /** The link to the new address, made when the email is sent. */
    @EventListener
    void on(EmailChangeRequested e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Kind.EMAIL_CHANGE, null, null, now, now);
    }

    /** The old address is told of the change. */
    @EventListener
    void on(EmailChanged e) {
        Instant now = Timestamps.now(clock);
        outbox.add(e.practiceId(), e.userId(), Kind.EMAIL_CHANGED, e.changeId(), null, now, now);
    }

    // ------------------------------------------------------------ security notices

    /**
     * A sign-in credential changed (a passkey added or removed, recovery codes made or used, the
     * authenticator reset): the account's address is told, whatever the notice settings, like a
     * password reset; the words name the change and its time, never anything about a patient.
     */
    @EventListener
    void on(CredentialChanged e) {
        outbox.addCredentialChange(e.practiceId(), e.userId(), e.change().name(), e.at(), Timestamps.now(clock));
    }
}
