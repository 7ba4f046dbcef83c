package io.bedside.notification.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.bedside.identity.Accounts;
import io.bedside.identity.CredentialChange;
import io.bedside.identity.Passwords;
import io.bedside.identity.PatientLinkRequested;
import io.bedside.identity.PatientLinks;
import io.bedside.identity.PatientProfiles;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.NoticeFacts;
import io.bedside.notification.Channel;
import io.bedside.notification.NotificationPreference;
import io.bedside.notification.NotificationPreferences;
import io.bedside.notification.StaffMessages;
import io.bedside.notification.internal.NotificationRows.Kind;
import io.bedside.notification.sms.FullTextReplies;
import io.bedside.notification.sms.TextReplies;
import io.bedside.patient.Patients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.HumanTimes;

/**
 * One notice, from outbox row to words on a channel: who it is for, whether they still want it
 * (not read meanwhile, not turned off, not in their quiet hours), by which channel to which
 * address, in their language.
 */
@Component
class Sender {

    /** What became of one attempt; {@code channel}, when known, the one a failure was meant for (for its counter). */
    record Outcome(Result result, String detail, Instant when, Channel channel) {
        public enum Result { SENT, SKIPPED, LATER, FAILED }

        Outcome(Result result, String detail, Instant when) {
            this(result, detail, when, null);
        }
    }

    private final Delivery delivery;
    private final Accounts accounts;
    private final Patients patients;
    private final Practices practices;
    private final CareTeams careTeams;
    private final NoticeFacts conversations;
    private final NotificationPreferences preferences;
    private final PatientLinks links;
    private final PatientProfiles profiles;
    private final Passwords passwords;
    private final NotificationRows outbox;
    private final String baseUrl;
    private final PushDevices pushDevices;
    private final NotificationMeters meters;
    private final HumanTimes times;
    private final TextReplies textReplies;
    private final FullTextReplies fullTexts;

    Sender(Delivery delivery, NotificationRows outbox, Accounts accounts, Patients patients, Practices practices, CareTeams careTeams,
            NoticeFacts conversations, NotificationPreferences preferences, PatientLinks links,
            Passwords passwords, PatientProfiles profiles,
            @Value("${bedside.base-url:http://localhost:8080}") String baseUrl, PushDevices pushDevices,
            NotificationMeters meters, HumanTimes times, TextReplies textReplies, FullTextReplies fullTexts) {
        this.times = times;
        this.textReplies = textReplies;
        this.fullTexts = fullTexts;
        this.pushDevices = pushDevices;
        this.meters = meters;
        this.links = links;
        this.passwords = passwords;
        this.profiles = profiles;
        this.outbox = outbox;
        this.delivery = delivery;
        this.accounts = accounts;
        this.patients = patients;
        this.practices = practices;
        this.careTeams = careTeams;
        this.conversations = conversations;
        this.preferences = preferences;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * An invitation or a sign-in link goes by email whatever the notice settings (the person asked
     * for it, or needs it to begin); the token is made now and only its hash is kept.
     */
    private Outcome sendLink(NotificationRows.Row row, Accounts.Contact contact) {
        if (contact.email() == null || contact.email().isBlank()) {
            return new Outcome(Outcome.Result.FAILED, "no email address on file", null, Channel.EMAIL);
        }
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        String link = links.issueLink(row.practiceId(), row.userId(), row.kind() == Kind.INVITATION
                ? PatientLinkRequested.Purpose.INVITATION
                : PatientLinkRequested.Purpose.SIGN_IN);
        NoticeText text = NoticeText.link(row.kind(), practice.shownName(), link, spanish(practice, contact));
        delivery.email(row.practiceId(), row.id(), contact.email(), text.subject(), text.body(),
                baseUrl + "/app/settings/notifications");
        return new Outcome(Outcome.Result.SENT, "email", null);
    }

    /** A member of staff's invitation: a second link to the same invitation, made now; none once accepted. */
    private Outcome sendStaffInvitation(NotificationRows.Row row, Accounts.Contact contact) {
        Optional<String> link = accounts.staffInvitationLink(row.practiceId(), row.userId());
        if (link.isEmpty()) {
            return new Outcome(Outcome.Result.SKIPPED, "invitation accepted already", null);
        }
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        NoticeText text = NoticeText.staffInvitation(practice.name(), link.get(),
                practice.defaultLanguage() != null && practice.defaultLanguage().startsWith("es"));
        delivery.email(row.practiceId(), row.id(), contact.email(), text.subject(), text.body(),
                baseUrl + "/app/settings/notifications");
        return new Outcome(Outcome.Result.SENT, "email", null);
    }

    /** A family-access invitation: a second link to the same invitation, made now; none once accepted. */
    private Outcome sendProxyInvitation(NotificationRows.Row row, Accounts.Contact contact) {
        Optional<String> link = accounts.proxyInvitationLink(row.practiceId(), row.userId());
        if (link.isEmpty()) {
            return new Outcome(Outcome.Result.SKIPPED, "invitation accepted already", null);
        }
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        NoticeText text = NoticeText.proxyInvitation(practice.shownName(), link.get(), spanish(practice, contact));
        delivery.email(row.practiceId(), row.id(), contact.email(), text.subject(), text.body(),
                baseUrl + "/app/settings/notifications");
        return new Outcome(Outcome.Result.SENT, "email", null);
    }

    /** A password reset link, made now; none when the account may no longer reset its password. */
    private Outcome sendPasswordReset(NotificationRows.Row row, Accounts.Contact contact) {
        if (contact.email() == null || contact.email().isBlank()) {
            return new Outcome(Outcome.Result.FAILED, "no email address on file", null, Channel.EMAIL);
        }
        Optional<String> link = passwords.issueResetLink(row.practiceId(), row.userId());
        if (link.isEmpty()) {
            return new Outcome(Outcome.Result.SKIPPED, "account may not reset its password", null);
        }
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        NoticeText text = NoticeText.passwordReset(practice.shownName(), link.get(), spanish(practice, contact));
        delivery.email(row.practiceId(), row.id(), contact.email(), text.subject(), text.body(),
                baseUrl + "/app/settings/notifications");
        return new Outcome(Outcome.Result.SENT, "email", null);
    }

    /**
     * A security notice: a sign-in credential of the account changed. By email whatever the notice
     * settings (like a password reset: an owner who did not make the change must learn of it), in
     * the account's language, with the time in the person's time zone.
     */
    private Outcome sendCredentialChanged(NotificationRows.Row row, Accounts.Contact contact) {
        if (contact.email() == null || contact.email().isBlank()) {
            return new Outcome(Outcome.Result.FAILED, "no email address on file", null, Channel.EMAIL);
        }
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        boolean spanish = spanish(practice, contact);
        Locale locale = spanish ? Locale.forLanguageTag("es") : Locale.ENGLISH;
        ZoneId zone = preferences.of(row.practiceId(), row.userId()).timeZone();
        String when = times.sentence(row.createdAt(), zone, locale) + ", " + HumanTimes.zoneName(zone, locale);
        NoticeText text = NoticeText.credentialChanged(CredentialChange.valueOf(row.credentialChange()),
                practice.shownName(), when, baseUrl, spanish);
        delivery.email(row.practiceId(), row.id(), contact.email(), text.subject(), text.body(),
                baseUrl + "/app/settings/notifications");
        return new Outcome(Outcome.Result.SENT, "email", null);
    }

    /** A patient's own language, else the practice's default (staff have no language of their own). */
    private boolean spanish(Practice practice, Accounts.Contact contact) {
        Patients.Contact patient = contact.patientId() == null ? null
                : patients.contact(practice.id(), contact.patientId()).orElse(null);
        String language = patient != null ? patient.language() : practice.defaultLanguage();
        return language != null && language.startsWith("es");
    }

    Outcome send(NotificationRows.Row row, Instant now) {
        if (row.kind() == Kind.SMS_REPLY) {
            return sendTextReply(row);
        }
        Optional<Accounts.Contact> found = accounts.contactOf(row.userId()).filter(Accounts.Contact::active);
        if (found.isEmpty()) {
            return new Outcome(Outcome.Result.SKIPPED, "no active account", null);
        }
        Accounts.Contact contact = found.get();
        if (row.kind() == Kind.INVITATION || row.kind() == Kind.SIGN_IN_LINK) {
            return sendLink(row, contact);
        }
        if (row.kind() == Kind.STAFF_INVITATION) {
            return sendStaffInvitation(row, contact);
        }
        if (row.kind() == Kind.PROXY_INVITATION) {
            return sendProxyInvitation(row, contact);
        }
        if (row.kind() == Kind.EMAIL_CHANGE || row.kind() == Kind.EMAIL_CHANGED) {
            return sendEmailChange(row);
        }
        if (row.kind() == Kind.PASSWORD_RESET) {
            return sendPasswordReset(row, contact);
        }
        if (row.kind() == Kind.CREDENTIAL_CHANGED) {
            return sendCredentialChanged(row, contact);
        }
        NotificationPreference preference = preferences.of(row.practiceId(), row.userId());
        // The devices the person asked to be told on (Web Push), beside their email or text choice.
        List<PushDevices.Target> devices = pushDevices.targets(row.practiceId(), row.userId());
        if (preference.channel() == Channel.NONE && devices.isEmpty()
                || row.kind() == Kind.PATIENT_MESSAGE && preference.staffMessages() == StaffMessages.NONE) {
            return new Outcome(Outcome.Result.SKIPPED, "notices turned off", null);
        }
        boolean staff = contact.kind() == Actor.Kind.STAFF;
        Patients.Contact patient = staff ? null : patients.contact(row.practiceId(), contact.patientId()).orElse(null);
        boolean newMessages = row.kind() == Kind.NEW_MESSAGE || row.kind() == Kind.PATIENT_MESSAGE;
        // The message that caused the notice was written a moment before it, in the same transaction.
        if (newMessages && !conversations.hasUnreadSince(row.practiceId(), row.userId(),
                outbox.conversationsOf(row.id()).stream().map(ConversationId::of).toList(),
                row.kind() == Kind.PATIENT_MESSAGE, row.createdAt().minusSeconds(60))) {
            return new Outcome(Outcome.Result.SKIPPED, "read already", null);
        }
        // Quiet hours hold a notice of new messages until they end; urgent and overdue notices to staff go at once.
        if (newMessages && preference.isQuiet(now)) {
            return new Outcome(Outcome.Result.LATER, "quiet hours", preference.quietEndsAfter(now));
        }
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        String team = row.careTeamId() == null ? "" : careTeams.findInPractice(row.practiceId(), row.careTeamId())
                .map(CareTeam::name).orElse("");
        String language = patient != null ? patient.language() : practice.defaultLanguage();
        // Staff notices are work, not marketing: no unsubscribe link (it would silence urgent ones
        // too); they point at the settings page instead.
        String unsubscribe = staff ? null
                : baseUrl + "/unsubscribe/" + preferences.unsubscribeToken(row.practiceId(), row.userId());
        NoticeText text = NoticeText.of(row.kind(), practice.shownName(), team, row.careTeamId(), baseUrl, unsubscribe,
                language != null && language.startsWith("es"));
        Pushed pushed = push(row, devices, text);
        if (preference.channel() == Channel.NONE) {
            if (pushed.delivered() > 0) {
                return new Outcome(Outcome.Result.SENT, "push", null);
            }
            if (pushed.failed() > 0) {
                // Push is the only way this person hears: try again later, as for an email.
                throw new ChannelFailure(Channel.PUSH, "The push service did not take the notice (" + pushed.failed()
                        + " devices)");
            }
            return new Outcome(Outcome.Result.SKIPPED, "no devices left", null);
        }
        if (preference.channel() == Channel.SMS) {
            String phone = staff ? preference.phone() : patient == null ? null : patient.phone();
            if (phone == null || phone.isBlank()) {
                return new Outcome(Outcome.Result.FAILED, "no mobile number on file", null, Channel.SMS);
            }
            String words = staff || row.kind() != Kind.NEW_MESSAGE ? text.sms()
                    : fullTexts.text(row.practiceId(), row.userId(), outbox.conversationsOf(row.id()),
                            practice.shownName(), baseUrl + "/login", language != null && language.startsWith("es"))
                            .orElse(text.sms());
            delivery.sms(row.practiceId(), row.id(), phone, words);
            return new Outcome(Outcome.Result.SENT, "sms", null);
        }
        if (contact.email() == null || contact.email().isBlank()) {
            return new Outcome(Outcome.Result.FAILED, "no email address on file", null, Channel.EMAIL);
        }
        delivery.email(row.practiceId(), row.id(), contact.email(), text.subject(), text.body(), unsubscribe);
        return new Outcome(Outcome.Result.SENT, "email", null);
    }

    /**
     * A patient's change of email address, whatever the notice settings: the link to the new address
     * (or, when another account has it, that it is in use), and afterwards the word to the old one.
     */
    private Outcome sendEmailChange(NotificationRows.Row row) {
        Practice practice = practices.find(row.practiceId()).orElseThrow();
        String to;
        NoticeText text;
        if (row.kind() == Kind.EMAIL_CHANGE) {
            var mail = profiles.confirmationMail(row.practiceId(), row.userId()).orElse(null);
            if (mail == null) {
                return new Outcome(Outcome.Result.SKIPPED, "no change waiting", null);
            }
            to = mail.to();
            boolean spanish = mail.language() != null && mail.language().startsWith("es");
            text = mail.inUse() ? NoticeText.emailInUse(practice.shownName(), spanish)
                    : NoticeText.emailChange(practice.shownName(), mail.link(), spanish);
        } else {
            var notice = profiles.changedNotice(row.practiceId(), row.conversationId()).orElse(null);
            if (notice == null) {
                return new Outcome(Outcome.Result.SKIPPED, "no old address", null);
            }
            to = notice.to();
            text = NoticeText.emailChanged(practice.shownName(), baseUrl,
                    notice.language() != null && notice.language().startsWith("es"));
        }
        delivery.email(row.practiceId(), row.id(), to, text.subject(), text.body(), baseUrl + "/app/settings/notifications");
        return new Outcome(Outcome.Result.SENT, "email", null);
    }

    /**
     * The fixed answer to an inbound text, to the number that texted, whatever the notice settings
     * (the person just texted; STOP's confirmation is the one text carriers allow after it). Once it
     * went, nothing of the inbound text is kept.
     */
    private Outcome sendTextReply(NotificationRows.Row row) {
        var reply = textReplies.outgoing(row.practiceId(), row.conversationId());
        if (reply.isEmpty()) {
            return new Outcome(Outcome.Result.SKIPPED, "nothing to answer", null);
        }
        delivery.sms(row.practiceId(), row.id(), reply.get().to(), reply.get().text());
        textReplies.sent(row.practiceId(), row.conversationId());
        return new Outcome(Outcome.Result.SENT, "sms", null);
    }

    /** How a notice went to the person's devices: taken by the push service, or not (the gone ones are removed). */
    private record Pushed(int delivered, int failed) {
    }

    /**
     * The notice's words, the same as the text message's, to each device; a device whose push
     * service answers 404 or 410 (the browser revoked it) is removed. A failure on one device
     * never stops the others, nor the email or text message beside them.
     */
    private Pushed push(NotificationRows.Row row, List<PushDevices.Target> devices, NoticeText text) {
        if (devices.isEmpty()) {
            return new Pushed(0, 0);
        }
        String payload = NoticeText.pushPayload(text, NoticeText.pushPath(row.kind(), row.careTeamId()));
        int delivered = 0;
        int failed = 0;
        for (PushDevices.Target device : devices) {
            try {
                WebPush.Answer answer = delivery.push(row.practiceId(), row.id(), device, payload, row.kind() == Kind.URGENT);
                switch (answer.result()) {
                    case DELIVERED -> {
                        delivered++;
                        pushDevices.used(device.id());
                        meters.sent("push");
                    }
                    case GONE -> pushDevices.gone(row.practiceId(), device.id());
                    case FAILED -> {
                        failed++;
                        meters.failed(Channel.PUSH, false);
                    }
                }
            } catch (RuntimeException e) {
                failed++;
                meters.failed(Channel.PUSH, false);
            }
        }
        return new Pushed(delivered, failed);
    }
}
