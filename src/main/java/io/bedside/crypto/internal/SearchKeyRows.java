package io.bedside.crypto.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The wrapped search keys of each practice (table {@code crypto_search_key}). */
@Repository
class SearchKeyRows {

    record Stored(PracticeId practice, int version, String wrappedKeyset) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SearchKeyRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The practice's search keys, newest first. */
    List<Stored> of(PracticeId practice) {
        return jdbc.sql("select version, wrapped_keyset from crypto_search_key where practice_id = :practice"
                + " order by version desc")
                .param("practice", practice.value())
                .query((rs, n) -> new Stored(practice, rs.getInt("version"), rs.getString("wrapped_keyset")))
                .list();
    }

    /** Inserts a key; a concurrent insert of the same version by another node fails on the primary key. */
    void insert(PracticeId practice, int version, String wrappedKeyset) {
        jdbc.sql("""
                insert into crypto_search_key (practice_id, version, wrapped_keyset, created_at)
                values (:practice, :version, :keyset, :now)""")
                .param("practice", practice.value())
                .param("version", version)
                .param("keyset", wrappedKeyset)
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
    }

    int deleteBefore(PracticeId practice, int version) {
        return jdbc.sql("delete from crypto_search_key where practice_id = :practice and version < :version")
                .param("practice", practice.value()).param("version", version).update();
    }

    /** Every search key, locked until the transaction ends (the master key is being replaced). */
    List<Stored> lockAll() {
        return jdbc.sql("select practice_id, version, wrapped_keyset from crypto_search_key"
                + " order by practice_id, version for update")
                .query((rs, n) -> new Stored(PracticeId.of(rs.getObject("practice_id", UUID.class)),
                        rs.getInt("version"), rs.getString("wrapped_keyset")))
                .list();
    }

    void overwrite(Stored key, String wrappedKeyset) {
        jdbc.sql("update crypto_search_key set wrapped_keyset = :keyset where practice_id = :practice and version = :version")
                .param("keyset", wrappedKeyset).param("practice", key.practice().value())
                .param("version", key.version()).update();
    }
}
