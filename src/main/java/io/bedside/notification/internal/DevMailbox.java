package io.bedside.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.Actor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** Demo mode's delivery: what would have been sent is kept in {@code dev_outbox}, and nothing leaves. */
@Repository
public class DevMailbox implements Delivery {

    public record Item(String channel, String to, String subject, String text, Instant createdAt) {
        @Override
        public String toString() {
            return "Item[" + channel + "]";
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DevMailbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void email(PracticeId practice, UUID notification, String to, String subject, String text,
            String unsubscribeUrl) {
        keep(practice, notification, "email", to, subject, text);
    }

    @Override
    public void sms(PracticeId practice, UUID notification, String to, String text) {
        keep(practice, notification, "sms", to, null, text);
    }

    private void keep(PracticeId practice, UUID notification, String channel, String to, String subject, String text) {
        jdbc.sql("""
                insert into dev_outbox (id, practice_id, notification_id, channel, to_address, subject, body, created_at)
                values (:id, :practice, :notification, :channel, :to, :subject, :body, :now)""")
                .param("id", UUID.randomUUID()).param("practice", practice.value()).param("notification", notification)
                .param("channel", channel).param("to", to).param("subject", subject).param("body", text)
                .param("now", Timestamps.toDb(Timestamps.now(clock))).update();
    }

    /**
     * The newest notices the caller may read: a patient's own (those to their account), or a
     * member of staff's practice's. The mailbox holds one-time links, so never anyone else's.
     */
    public List<Item> latestFor(Actor reader, int limit) {
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
