package io.bedside.live.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.Timestamps;

/**
 * Tables {@code live_outbox} (changes still to be fanned out to their users) and
 * {@code live_fan_out} (the one row whose lock lets a single fan-out run at a time, on any node).
 */
@Repository
class LiveOutboxRows {

    /**
     * A change for the users who may see it: the care team's members (and the acting member of
     * staff, outside the team too) when {@code toStaff}, the patient's account when {@code toPatient}.
     * {@code stagedAt}: when it was written (read back for the delivery-latency metric; ignored when staging).
     */
    record Change(long id, UUID practiceId, UUID careTeamId, UUID patientId, UUID actorId, boolean toStaff,
            boolean toPatient, String type, String data, Instant stagedAt) {

        Change(long id, UUID practiceId, UUID careTeamId, UUID patientId, UUID actorId, boolean toStaff,
                boolean toPatient, String type, String data) {
            this(id, practiceId, careTeamId, patientId, actorId, toStaff, toPatient, type, data, null);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    LiveOutboxRows(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Stores the changes in the current transaction; their {@code id}s are ignored. */
    void stage(List<Change> changes) {
        Object now = Timestamps.toDb(Timestamps.now(clock));
        if (changes.size() == 1) {
            Change c = changes.get(0);
            jdbc.sql("""
                    insert into live_outbox (practice_id, care_team_id, patient_id, actor_id, to_staff, to_patient,
                                             type, data, created_at)
                    values (:practice, :team, :patient, :actor, :toStaff, :toPatient, :type, :data, :now)""")
                    .param("practice", c.practiceId()).param("team", c.careTeamId()).param("patient", c.patientId())
                    .param("actor", c.actorId()).param("toStaff", c.toStaff()).param("toPatient", c.toPatient())
                    .param("type", c.type()).param("data", c.data()).param("now", now)
                    .update();
            return;
        }
        batch.batchUpdate("""
                insert into live_outbox (practice_id, care_team_id, patient_id, actor_id, to_staff, to_patient,
                                         type, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                changes.stream().map(c -> new Object[] {c.practiceId(), c.careTeamId(), c.patientId(), c.actorId(),
                        c.toStaff(), c.toPatient(), c.type(), c.data(), now}).toList());
    }

    /**
     * Takes the fan-out lock until the current transaction ends: fan-outs on every node run one at
     * a time, so each user's counter is bumped by one of them only.
     */
    void lockFanOut() {
        jdbc.sql("select id from live_fan_out where id = 1 for update").query(Integer.class).single();
    }

    /** The oldest committed changes, in the order they were written. */
    List<Change> oldest(int limit) {
        return jdbc.sql("""
                select id, practice_id, care_team_id, patient_id, actor_id, to_staff, to_patient, type, data,
                       created_at
                  from live_outbox order by id limit %d""".formatted(limit))
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getObject("practice_id", UUID.class),
                        rs.getObject("care_team_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getObject("actor_id", UUID.class), rs.getBoolean("to_staff"), rs.getBoolean("to_patient"),
                        rs.getString("type"), rs.getString("data"), Timestamps.fromDb(rs, "created_at")))
                .list();
    }

    boolean anyWaiting() {
        return jdbc.sql("select id from live_outbox order by id limit 1").query(Long.class).optional().isPresent();
    }

    void remove(List<Long> ids) {
        jdbc.sql("delete from live_outbox where id in (:ids)").param("ids", ids).update();
    }
}
