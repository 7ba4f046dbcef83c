package io.bedside.notification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.identity.PatientProfiles;
import io.bedside.patient.Patients;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;

/**
 * Each person's notification choices: by email (the default), by text message, or none; quiet
 * hours in their own time zone; for staff, which new patient messages they hear of
 * ({@link StaffMessages}) and the mobile number their text notices go to; and the one-click unsubscribe, which needs no sign-in and tells
 * whoever holds the link nothing about whose it is.
 */
@Service
public class NotificationPreferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotificationPreferenceRows rows;
    private final Practices practices;
    private final Patients patients;
    private final PatientProfiles profiles;
    private final Savepoints savepoints;
    private final Clock clock;

    NotificationPreferences(NotificationPreferenceRows rows, Practices practices, Patients patients,
            PatientProfiles profiles, Savepoints savepoints, Clock clock) {
        this.rows = rows;
        this.practices = practices;
        this.patients = patients;
        this.profiles = profiles;
        this.savepoints = savepoints;
        this.clock = clock;
    }

    /** The caller's choices; a patient's carry no staff-only fields. */
    public NotificationPreference get(Actor actor) {
        NotificationPreference p = of(actor.practiceId(), actor.userId());
        return actor.isStaff() ? p : new NotificationPreference(p.channel(), p.quietStart(), p.quietEnd(), p.timeZone(),
                null, null);
    }

    /** Someone's choices as stored, defaults where they made none (email, no quiet hours, {@code MINE}). */
    public NotificationPreference of(PracticeId practice, UserId user) {
        return rows.find(practice, user).orElseGet(() -> new NotificationPreference(Channel.EMAIL, null, null,
                zoneOf(practice), StaffMessages.MINE, null));
    }

    /** Which new patient messages each of these members of staff hears of ({@code MINE} unless they chose). */
    public Map<UserId, StaffMessages> staffMessages(PracticeId practice, Collection<UserId> staff) {
        Map<UserId, StaffMessages> choices = new HashMap<>();
        staff.forEach(s -> choices.put(s, StaffMessages.MINE));
        if (!staff.isEmpty()) {
            choices.putAll(rows.staffMessages(practice, staff));
        }
        return choices;
    }

    /**
     * Changes the reader's choices. Text messages need a mobile number: a patient's record's, or
     * the one a member of staff gives here; quiet hours need both ends or neither; the time zone
     * must be a real one. {@code staffMessages} and {@code phone} are for staff only (a patient
     * giving either is a 400); null leaves them as they were, and an empty phone removes it.
     */
    @Transactional
    public NotificationPreference update(Actor actor, String channel, String quietStart, String quietEnd,
            String timeZone, String staffMessages, String phone) {
        Channel chosen = channel == null ? Channel.EMAIL : Channel.fromCode(channel);
        LocalTime start = time("quietHours.start", quietStart);
        LocalTime end = time("quietHours.end", quietEnd);
        if ((start == null) != (end == null)) {
            throw new InvalidRequestException("quietHours", "Give both the start and the end of the quiet hours, or neither.");
        }
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? zoneOf(actor.practiceId()) : ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone", "timeZone must be a time zone such as America/New_York.");
        }
        if (!actor.isStaff() && staffMessages != null) {
            throw new InvalidRequestException("staffMessages", "staffMessages is for staff: which patient messages they hear of.");
        }
        if (!actor.isStaff() && phone != null) {
            throw new InvalidRequestException("phone", "A patient's mobile number is the one on their record; change it in the profile.");
        }
        NotificationPreference current = of(actor.practiceId(), actor.userId());
        StaffMessages which = staffMessages == null ? current.staffMessages() : StaffMessages.fromCode(staffMessages);
        String mobile = phone == null ? current.phone() : mobile(phone);
        if (chosen == Channel.SMS && (actor.isStaff() ? Optional.ofNullable(mobile) : phoneOf(actor)).isEmpty()) {
            throw new UnprocessableException(actor.isStaff() ? "Give the mobile number to text first."
                    : "There is no mobile number on file to text. Ask the practice to add one.");
        }
        ensure(actor.practiceId(), actor.userId());
        NotificationPreference choices = new NotificationPreference(chosen, start, end, zone, which, mobile);
        rows.update(actor.practiceId(), actor.userId(), choices, Timestamps.now(clock));
        return get(actor);
    }

    /**
     * The settings page's save, all or nothing: a patient choosing text messages first confirms
     * the number on their record the first time, or gives one when there is none (saved to their
     * record through their profile, as on My details), so a notice never goes to a number they did
     * not mean ({@link TextNumberUnconfirmed} otherwise); then {@link #update}.
     */
    @Transactional
    public NotificationPreference updateConfirmingNumber(Actor actor, String channel, String quietStart,
            String quietEnd, String timeZone, String staffMessages, String phone, String patientPhone,
            boolean numberConfirmed) {
        if (actor.isPatient() && Channel.SMS.code().equals(channel)) {
            textsGoToAConfirmedNumber(actor, patientPhone, numberConfirmed);
        }
        return update(actor, channel, quietStart, quietEnd, timeZone, staffMessages, phone);
    }

    private void textsGoToAConfirmedNumber(Actor actor, String typed, boolean confirmed) {
        String onFile = profiles.profile(actor).phone();
        if (onFile == null || onFile.isBlank()) {
            if (typed == null || typed.isBlank()) {
                throw new TextNumberUnconfirmed(false);
            }
            profiles.update(actor, new PatientProfiles.Change(null, typed, null));
            return;
        }
        boolean alreadyTexting = get(actor).channel() == Channel.SMS;
        if (!alreadyTexting && !confirmed) {
            throw new TextNumberUnconfirmed(true);
        }
    }

    /** A mobile number in E.164 (+15555550123); spaces, dots, dashes and brackets are dropped; "" is none. */
    private static String mobile(String text) {
        String digits = text.replaceAll("[\\s.()-]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (!digits.matches("\\+[1-9][0-9]{6,14}")) {
            throw new InvalidRequestException("phone", "phone must be a mobile number with its country code, such as +15555550123.");
        }
        return digits;
    }

    /**
     * The patient texted STOP: their notices no longer go by text message (email instead); START
     * ({@code on}) turns text messages back on. Joins the caller's transaction.
     */
    @Transactional
    public void textsByKeyword(PracticeId practice, UserId user, boolean on) {
        NotificationPreference current = of(practice, user);
        if (on == (current.channel() == Channel.SMS)) {
            return;
        }
        ensure(practice, user);
        rows.update(practice, user, new NotificationPreference(on ? Channel.SMS : Channel.EMAIL, current.quietStart(),
                current.quietEnd(), current.timeZone(), current.staffMessages(), current.phone()), Timestamps.now(clock));
    }

    /** The key of someone's unsubscribe link, made the first time it is needed. */
    @Transactional
    public String unsubscribeToken(PracticeId practice, UserId user) {
        ensure(practice, user);
        return rows.unsubscribeToken(user);
    }

    /** Turns notices off for whoever the link belongs to; false for a link that is not one. */
    @Transactional
    public boolean unsubscribe(String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return false;
        }
        return rows.unsubscribe(token, Timestamps.now(clock));
    }

    public boolean isUnsubscribeToken(String token) {
        return token != null && token.length() <= 64 && rows.isUnsubscribeToken(token);
    }

    private void ensure(PracticeId practice, UserId user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        savepoints.insertUnlessPresent(
                () -> rows.insert(practice, user, zoneOf(practice), token, Timestamps.now(clock)));
    }

    private Optional<String> phoneOf(Actor actor) {
        if (!actor.isPatient()) {
            return Optional.empty();
        }
        // Texts go to the account holder's own number: a parent's notices never to the child's phone.
        return actor.ownPatientId().flatMap(own -> patients.contact(actor.practiceId(), own))
                .map(Patients.Contact::phone).filter(p -> !p.isBlank());
    }

    private ZoneId zoneOf(PracticeId practice) {
        return practices.find(practice).map(Practice::timeZone).orElse(ZoneId.of("UTC"));
    }

    private static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, field + " must be a time such as 21:00.");
        }
    }
}
