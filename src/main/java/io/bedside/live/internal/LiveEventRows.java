package io.bedside.live.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;

/**
 * The per-user event log, tables {@code live_event} and {@code live_user} (each user's counter):
 * appended in the causing transaction, read for delivery and replay.
 */
@Repository
class LiveEventRows {

    /** An event still to be numbered: for whom, what. */
    record Pending(UUID userId, String type, String data) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Savepoints savepoints;
    private final Clock clock;

    LiveEventRows(JdbcClient jdbc, JdbcTemplate batch, Savepoints savepoints, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.savepoints = savepoints;
        this.clock = clock;
    }

    /**
     * Numbers and stores the events, in the current transaction. Each recipient's counter row is
     * locked (in user-id order, so two transactions never wait on each other in a circle) until
     * the transaction ends: a user's event ids are therefore in commit order.
     */
    List<LiveEvent> append(PracticeId practice, List<Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Set<UUID> users = new HashSet<>();
        pending.forEach(p -> users.add(p.userId()));
        ensureCounters(practice, users);
        Map<UUID, Long> last = new TreeMap<>();
        jdbc.sql("select user_id, last_event_id from live_user where user_id in (:users) order by user_id for update")
                .param("users", List.copyOf(users))
                .query(rs -> {
                    last.put(rs.getObject("user_id", UUID.class), rs.getLong("last_event_id"));
                });
        Instant now = Timestamps.now(clock);
        List<LiveEvent> events = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Pending p : pending) {
            long id = last.merge(p.userId(), 1L, Long::sum);
            events.add(new LiveEvent(p.userId(), id, p.type(), p.data()));
            rows.add(new Object[] {p.userId(), id, practice.value(), p.type(), p.data(), Timestamps.toDb(now)});
        }
        batch.batchUpdate("update live_user set last_event_id = ? where user_id = ?",
                last.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        batch.batchUpdate("insert into live_event (user_id, event_id, practice_id, type, data, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", rows);
        return events;
    }

    private void ensureCounters(PracticeId practice, Set<UUID> users) {
        Set<UUID> missing = new HashSet<>(users);
        missing.removeAll(jdbc.sql("select user_id from live_user where user_id in (:users)")
                .param("users", List.copyOf(users)).query(UUID.class).list());
        for (UUID user : missing) {
            // Someone else's first event for this user may have made the row; theirs serves.
            savepoints.insertUnlessPresent(() -> jdbc.sql(
                    "insert into live_user (user_id, practice_id, last_event_id) values (:user, :practice, 0)")
                    .param("user", user).param("practice", practice.value()).update());
        }
    }

    List<LiveEvent> after(UUID user, long afterId, int limit) {
        return jdbc.sql("""
                select user_id, event_id, type, data from live_event
                 where user_id = :user and event_id > :after order by event_id limit %d""".formatted(limit))
                .param("user", user).param("after", afterId)
                .query((rs, n) -> new LiveEvent(rs.getObject("user_id", UUID.class), rs.getLong("event_id"),
                        rs.getString("type"), rs.getString("data")))
                .list();
    }

    long latest(UUID user) {
        return jdbc.sql("select last_event_id from live_user where user_id = :user").param("user", user)
                .query(Long.class).optional().orElse(0L);
    }

    Map<UUID, Long> latest(Collection<UUID> users) {
        Map<UUID, Long> result = new HashMap<>();
        if (!users.isEmpty()) {
            jdbc.sql("select user_id, last_event_id from live_user where user_id in (:users)")
                    .param("users", List.copyOf(users))
                    .query(rs -> {
                        result.put(rs.getObject("user_id", UUID.class), rs.getLong("last_event_id"));
                    });
        }
        return result;
    }

    OptionalLong oldestRetained(UUID user) {
        return jdbc.sql("select min(event_id) as oldest from live_event where user_id = :user").param("user", user)
                .query((rs, n) -> {
                    long value = rs.getLong("oldest");
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
                })
                .single();
    }

    int purgeOlderThan(Instant horizon) {
        return jdbc.sql("delete from live_event where created_at < :horizon")
                .param("horizon", Timestamps.toDb(horizon)).update();
    }
}
