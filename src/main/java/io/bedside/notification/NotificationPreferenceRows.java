package io.bedside.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The table {@code notification_preference}: a person's choices, once they made any, and their unsubscribe key. */
@Repository
class NotificationPreferenceRows {

    private final JdbcClient jdbc;

    NotificationPreferenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NotificationPreference> find(PracticeId practice, UserId user) {
        return jdbc.sql("select * from notification_preference where user_id = :user and practice_id = :practice")
                .param("user", user.value()).param("practice", practice.value())
                .query((rs, n) -> new NotificationPreference(Channel.valueOf(rs.getString("channel")),
                        rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class),
                        ZoneId.of(rs.getString("time_zone")), StaffMessages.valueOf(rs.getString("staff_messages")),
                        rs.getString("phone")))
                .optional();
    }

    /** The choices of those of these members of staff who made one. */
    Map<UserId, StaffMessages> staffMessages(PracticeId practice, Collection<UserId> staff) {
        Map<UserId, StaffMessages> choices = new HashMap<>();
        jdbc.sql("""
                select user_id, staff_messages from notification_preference
                 where practice_id = :practice and user_id in (:staff)""")
                .param("practice", practice.value()).param("staff", staff.stream().map(UserId::value).toList())
                .query(rs -> {
                    choices.put(UserId.of(rs.getObject("user_id", UUID.class)),
                            StaffMessages.valueOf(rs.getString("staff_messages")));
                });
        return choices;
    }

    /** A row with the defaults; fails on the key when there is one already. */
    void insert(PracticeId practice, UserId user, ZoneId zone, String token, Instant now) {
        jdbc.sql("""
                insert into notification_preference (practice_id, user_id, channel, time_zone, unsubscribe_token, updated_at)
                values (:practice, :user, 'EMAIL', :zone, :token, :now)""")
                .param("practice", practice.value()).param("user", user.value())
                .param("zone", zone.getId()).param("token", token)
                .param("now", Timestamps.toDb(now)).update();
    }

    void update(PracticeId practice, UserId user, NotificationPreference choices, Instant now) {
        jdbc.sql("""
                update notification_preference set channel = :channel, quiet_start = :start, quiet_end = :end,
                                                   time_zone = :zone, staff_messages = :which, phone = :phone,
                                                   updated_at = :now
                 where user_id = :user and practice_id = :practice""")
                .param("channel", choices.channel().name()).param("start", choices.quietStart())
                .param("end", choices.quietEnd()).param("zone", choices.timeZone().getId())
                .param("which", choices.staffMessages().name()).param("phone", choices.phone())
                .param("now", Timestamps.toDb(now)).param("user", user.value())
                .param("practice", practice.value())
                .update();
    }

    String unsubscribeToken(UserId user) {
        return jdbc.sql("select unsubscribe_token from notification_preference where user_id = :user")
                .param("user", user.value()).query(String.class).single();
    }

    /** Turns notices off for whoever the key belongs to; false when it belongs to nobody. */
    boolean unsubscribe(String token, Instant now) {
        return jdbc.sql("update notification_preference set channel = 'NONE', updated_at = :now where unsubscribe_token = :token")
                .param("now", Timestamps.toDb(now)).param("token", token).update() == 1;
    }

    boolean isUnsubscribeToken(String token) {
        return jdbc.sql("select count(*) from notification_preference where unsubscribe_token = :token")
                .param("token", token).query(Long.class).single() == 1;
    }
}
