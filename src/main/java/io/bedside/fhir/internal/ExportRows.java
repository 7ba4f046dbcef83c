package io.bedside.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The tables {@code fhir_export_job} and {@code fhir_export_file}; file contents stay encrypted here. */
@Repository
class ExportRows {

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    record Job(UUID id, PracticeId practiceId, UserId requestedBy, String requestUrl, String appBase, Status status,
            Instant requestedAt, Instant transactionTime, Instant finishedAt, int doneCount, String error) {

        static Job map(ResultSet rs, int n) throws SQLException {
            return new Job(rs.getObject("id", UUID.class), PracticeId.of(rs.getObject("practice_id", UUID.class)),
                    UserId.of(rs.getObject("requested_by", UUID.class)), rs.getString("request_url"),
                    rs.getString("app_base"), Status.valueOf(rs.getString("status")),
                    Timestamps.fromDb(rs, "requested_at"), Timestamps.fromDb(rs, "transaction_time"),
                    Timestamps.fromDb(rs, "finished_at"), rs.getInt("done_count"), rs.getString("error"));
        }
    }

    /** A file as the manifest lists it: no content. */
    record Listed(UUID id, String resourceType, int count) {
    }

    /** A file's stored content, still encrypted. */
    record Stored(UUID id, UUID jobId, String resourceType, byte[] ciphertext) {
    }

    private final JdbcClient jdbc;

    ExportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Job job) {
        jdbc.sql("""
                insert into fhir_export_job (id, practice_id, requested_by, request_url, app_base, status, requested_at)
                values (:id, :practice, :by, :url, :base, :status, :at)""")
                .param("id", job.id()).param("practice", job.practiceId().value())
                .param("by", job.requestedBy().value()).param("url", job.requestUrl()).param("base", job.appBase())
                .param("status", job.status().name()).param("at", Timestamps.toDb(job.requestedAt()))
                .update();
    }

    Optional<Job> find(PracticeId practice, UUID id) {
        return jdbc.sql("select * from fhir_export_job where id = :id and practice_id = :practice")
                .param("id", id).param("practice", practice.value())
                .query(Job::map).optional();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select * from fhir_export_job where id = :id").param("id", id).query(Job::map).optional();
    }

    /** The oldest queued jobs, oldest first. */
    List<UUID> queued(int limit) {
        return jdbc.sql("select id from fhir_export_job where status = 'QUEUED' order by requested_at limit " + limit)
                .query(UUID.class).list();
    }

    /** Takes a queued job for this node: false when another node took it first or it was cancelled. */
    boolean claim(UUID id, Instant at) {
        return jdbc.sql("""
                update fhir_export_job set status = 'RUNNING', transaction_time = :at
                 where id = :id and status = 'QUEUED'""")
                .param("id", id).param("at", Timestamps.toDb(at)).update() == 1;
    }

    /** Counts progress; false when the job is gone (cancelled). */
    boolean progress(UUID id, int done) {
        return jdbc.sql("update fhir_export_job set done_count = :done where id = :id")
                .param("id", id).param("done", done).update() == 1;
    }

    void finish(UUID id, Status status, String error, Instant at) {
        jdbc.sql("update fhir_export_job set status = :status, error = :error, finished_at = :at where id = :id")
                .param("id", id).param("status", status.name()).param("error", error)
                .param("at", Timestamps.toDb(at)).update();
    }

    void insertFile(UUID id, UUID job, PracticeId practice, String type, int count, byte[] ciphertext, Instant at) {
        jdbc.sql("""
                insert into fhir_export_file (id, job_id, practice_id, resource_type, resource_count,
                                              content_ciphertext, created_at)
                values (:id, :job, :practice, :type, :count, :content, :at)""")
                .param("id", id).param("job", job).param("practice", practice.value()).param("type", type)
                .param("count", count).param("content", ciphertext).param("at", Timestamps.toDb(at))
                .update();
    }

    List<Listed> files(PracticeId practice, UUID job) {
        return jdbc.sql("""
                select id, resource_type, resource_count from fhir_export_file
                 where job_id = :job and practice_id = :practice order by resource_type, created_at, id""")
                .param("job", job).param("practice", practice.value())
                .query((rs, n) -> new Listed(rs.getObject("id", UUID.class), rs.getString("resource_type"),
                        rs.getInt("resource_count")))
                .list();
    }

    Optional<Stored> file(PracticeId practice, UUID id) {
        return jdbc.sql("""
                select id, job_id, resource_type, content_ciphertext from fhir_export_file
                 where id = :id and practice_id = :practice""")
                .param("id", id).param("practice", practice.value())
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
                        rs.getString("resource_type"), rs.getBytes("content_ciphertext")))
                .optional();
    }

    int deleteFile(PracticeId practice, UUID id) {
        return jdbc.sql("delete from fhir_export_file where id = :id and practice_id = :practice")
                .param("id", id).param("practice", practice.value()).update();
    }

    /** Deletes a job and its files; false when there was none. */
    boolean deleteJob(PracticeId practice, UUID id) {
        jdbc.sql("delete from fhir_export_file where job_id = :id and practice_id = :practice")
                .param("id", id).param("practice", practice.value()).update();
        return jdbc.sql("delete from fhir_export_job where id = :id and practice_id = :practice")
                .param("id", id).param("practice", practice.value()).update() == 1;
    }

    /** Deletes every job asked for before {@code cutoff}, with its files; returns how many jobs. */
    int deleteOlderThan(Instant cutoff) {
        jdbc.sql("""
                delete from fhir_export_file
                 where job_id in (select id from fhir_export_job where requested_at < :cutoff)""")
                .param("cutoff", Timestamps.toDb(cutoff)).update();
        return jdbc.sql("delete from fhir_export_job where requested_at < :cutoff")
                .param("cutoff", Timestamps.toDb(cutoff)).update();
    }
}
