package io.bedside.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.notification.internal.DevMailbox.Item;
import io.bedside.shared.Actor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The table {@code dev_outbox}: what demo mode would have sent. */
@Repository
class DevOutboxRows {

    private final JdbcClient jdbc;

    DevOutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PracticeId practice, UUID notification, String channel, String to, String subject, String text,
            Instant now) {
        jdbc.sql("""
                insert into dev_outbox (id, practice_id, notification_id, channel, to_address, subject, body, created_at)
                values (:id, :practice, :notification, :channel, :to, :subject, :body, :now)""")
                .param("id", UUID.randomUUID()).param("practice", practice.value()).param("notification", notification)
                .param("channel", channel).param("to", to).param("subject", subject).param("body", text)
                .param("now", Timestamps.toDb(now)).update();
    }

    /** The newest of the reader's practice's items; a patient's only those of notices to their account. */
    List<Item> latestFor(Actor reader, int limit) {
        var query = jdbc.sql("""
                select o.* from dev_outbox o
                 where o.practice_id = :practice
                   and (:staff or exists (select 1 from notification n where n.id = o.notification_id and n.user_id = :user))
                 order by o.created_at desc, o.id limit :limit""")
                .param("practice", reader.practiceId().value()).param("staff", reader.isStaff())
                .param("user", reader.userId().value()).param("limit", limit);
        return query.query((rs, n) -> new Item(rs.getString("channel"), rs.getString("to_address"),
                rs.getString("subject"), rs.getString("body"), Timestamps.fromDb(rs, "created_at"))).list();
    }
}
