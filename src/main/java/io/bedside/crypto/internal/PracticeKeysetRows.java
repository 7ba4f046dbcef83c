package io.bedside.crypto.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The wrapped (master-key-encrypted) data keyset of each practice. */
@Repository
class PracticeKeysetRows {

    record Stored(String wrappedKeyset, int version) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PracticeKeysetRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Stored> find(PracticeId practice) {
        return jdbc.sql("select wrapped_keyset, version from crypto_practice_keyset where practice_id = :practice")
                .param("practice", practice.value())
                .query((rs, n) -> new Stored(rs.getString("wrapped_keyset"), rs.getInt("version")))
                .optional();
    }

    /** Inserts a practice's first keyset; a concurrent insert by another node fails on the primary key. */
    void insert(PracticeId practice, String wrappedKeyset) {
        jdbc.sql("""
                insert into crypto_practice_keyset (practice_id, wrapped_keyset, version, updated_at)
                values (:practice, :keyset, 1, :now)""")
                .param("practice", practice.value())
                .param("keyset", wrappedKeyset)
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
    }

    /** Replaces the keyset only if nobody rotated it since we read it (optimistic lock). */
    boolean replace(PracticeId practice, String wrappedKeyset, int expectedVersion) {
        return jdbc.sql("""
                update crypto_practice_keyset
                   set wrapped_keyset = :keyset, version = version + 1, updated_at = :now
                 where practice_id = :practice and version = :version""")
                .param("practice", practice.value())
                .param("keyset", wrappedKeyset)
                .param("version", expectedVersion)
                .param("now", Timestamps.toDb(clock.instant()))
                .update() == 1;
    }

    /** Every practice's wrapped keyset, locked until the transaction ends (the master key is being replaced). */
    List<Map.Entry<PracticeId, String>> lockAll() {
        return jdbc.sql("select practice_id, wrapped_keyset from crypto_practice_keyset order by practice_id for update")
                .query((rs, n) -> Map.entry(PracticeId.of(rs.getObject("practice_id", UUID.class)),
                        rs.getString("wrapped_keyset")))
                .list();
    }

    /** Replaces a keyset whatever its version (the caller holds the lock of {@link #lockAll()}). */
    void overwrite(PracticeId practice, String wrappedKeyset) {
        jdbc.sql("""
                update crypto_practice_keyset set wrapped_keyset = :keyset, version = version + 1, updated_at = :now
                 where practice_id = :practice""")
                .param("keyset", wrappedKeyset)
                .param("now", Timestamps.toDb(clock.instant()))
                .param("practice", practice.value())
                .update();
    }
}
