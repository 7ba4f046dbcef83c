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
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final JdbcClient jdbc;
    private final Practices practices;
    private final Patients patients;
    private final Savepoints savepoints;
    private final Clock clock;

    NotificationPreferences(JdbcClient jdbc, Practices practices, Patients patients, Savepoints savepoints,
            Clock clock) {
        this.jdbc = jdbc;
        this.practices = practices;
        this.patients = patients;
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
        return jdbc.sql("select * from notification_preference where user_id = :user and practice_id = :practice")
                .param("user", user.value()).param("practice", practice.value())
                .query((rs, n) -> new NotificationPreference(Channel.valueOf(rs.getString("channel")),
                        rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class),
                        ZoneId.of(rs.getString("time_zone")), StaffMessages.valueOf(rs.getString("staff_messages")),
                        rs.getString("phone")))
                .optional().orElseGet(() -> new NotificationPreference(Channel.EMAIL, null, null, zoneOf(practice),
                        StaffMessages.MINE, null));
    }

    /** Which new patient messages each of these members of staff hears of ({@code MINE} unless they chose). */
    public Map<UserId, StaffMessages> staffMessages(PracticeId practice, Collection<UserId> staff) {
        Map<UserId, StaffMessages> choices = new HashMap<>();
        staff.forEach(s -> choices.put(s, StaffMessages.MINE));
        if (!staff.isEmpty()) {
            jdbc.sql("""
                    select user_id, staff_messages from notification_preference
                     where practice_id = :practice and user_id in (:staff)""")
                    .param("practice", practice.value()).param("staff", staff.stream().map(UserId::value).toList())
                    .query(rs -> {
                        choices.put(UserId.of(rs.getObject("user_id", UUID.class)),
                                StaffMessages.valueOf(rs.getString("staff_messages")));
                    });
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
        jdbc.sql("""
                update notification_preference set channel = :channel, quiet_start = :start, quiet_end = :end,
                                                   time_zone = :zone, staff_messages = :which, phone = :phone,
                                                   updated_at = :now
                 where user_id = :user and practice_id = :practice""")
                .param("channel", chosen.name()).param("start", start).param("end", end).param("zone", zone.getId())
                .param("which", which.name()).param("phone", mobile)
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("user", actor.userId().value())
                .param("practice", actor.practiceId().value())
                .update();
        return get(actor);
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

    /** The key of someone's unsubscribe link, made the first time it is needed. */
    @Transactional
    public String unsubscribeToken(PracticeId practice, UserId user) {
        ensure(practice, user);
        return jdbc.sql("select unsubscribe_token from notification_preference where user_id = :user")
                .param("user", user.value()).query(String.class).single();
    }

    /** Turns notices off for whoever the link belongs to; false for a link that is not one. */
    @Transactional
    public boolean unsubscribe(String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return false;
        }
        return jdbc.sql("update notification_preference set channel = 'NONE', updated_at = :now where unsubscribe_token = :token")
                .param("now", Timestamps.toDb(Timestamps.now(clock))).param("token", token).update() == 1;
    }

    public boolean isUnsubscribeToken(String token) {
        return token != null && token.length() <= 64 && jdbc.sql(
                "select count(*) from notification_preference where unsubscribe_token = :token")
                .param("token", token).query(Long.class).single() == 1;
    }

    private void ensure(PracticeId practice, UserId user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        savepoints.insertUnlessPresent(() -> jdbc.sql("""
                insert into notification_preference (practice_id, user_id, channel, time_zone, unsubscribe_token, updated_at)
                values (:practice, :user, 'EMAIL', :zone, :token, :now)""")
                .param("practice", practice.value()).param("user", user.value())
                .param("zone", zoneOf(practice).getId()).param("token", token)
                .param("now", Timestamps.toDb(Timestamps.now(clock))).update());
    }

    private Optional<String> phoneOf(Actor actor) {
        if (!actor.isPatient()) {
            return Optional.empty();
        }
        return patients.contact(actor.practiceId(), actor.patientId()).map(Patients.Contact::phone).filter(p -> !p.isBlank());
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
