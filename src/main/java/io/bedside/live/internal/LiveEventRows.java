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
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.Timestamps;

/**
 * The per-user event log, tables {@code live_event} and {@code live_user} (each user's counter):
 * appended by the fan-out, read for delivery and replay.
 */
@Repository
class LiveEventRows {

    /** An event still to be numbered: for whom, what. */
    record Pending(UUID practiceId, UUID userId, String type, String data) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    LiveEventRows(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Numbers and stores the events, in the current transaction, after each user's last event.
     * Only the fan-out calls this, holding the fan-out lock: no two callers bump a counter at once,
     * and what it numbers has already committed, so a user's event ids follow the order in which
     * the events became visible.
     */
    List<LiveEvent> append(List<Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> practiceOf = new HashMap<>();
        pending.forEach(p -> practiceOf.putIfAbsent(p.userId(), p.practiceId()));
        Map<UUID, Long> last = new HashMap<>(latest(practiceOf.keySet()));
        List<Object[]> newCounters = new ArrayList<>();
        practiceOf.forEach((user, practice) -> {
            if (!last.containsKey(user)) {
                last.put(user, 0L);
                newCounters.add(new Object[] {user, practice});
            }
        });
        if (!newCounters.isEmpty()) {
            batch.batchUpdate("insert into live_user (user_id, practice_id, last_event_id) values (?, ?, 0)",
                    newCounters);
        }
        Object now = Timestamps.toDb(Timestamps.now(clock));
        List<LiveEvent> events = new ArrayList<>(pending.size());
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            long id = last.merge(p.userId(), 1L, Long::sum);
            events.add(new LiveEvent(p.userId(), id, p.type(), p.data()));
            rows.add(new Object[] {p.userId(), id, p.practiceId(), p.type(), p.data(), now});
        }
        Set<UUID> touched = new HashSet<>(practiceOf.keySet());
        batch.batchUpdate("update live_user set last_event_id = ? where user_id = ?",
                touched.stream().map(user -> new Object[] {last.get(user), user}).toList());
        batch.batchUpdate("insert into live_event (user_id, event_id, practice_id, type, data, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", rows);
        return events;
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
