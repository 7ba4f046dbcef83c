package io.bedside.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code staff_recovery_code} table: hashes only, each spent at most once. */
@Repository
class RecoveryCodeRows {

    private final JdbcClient jdbc;

    RecoveryCodeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Voids every code of the account and keeps these hashes instead. */
    void replace(UserId user, PracticeId practice, List<String> hashes, Instant now) {
        deleteAll(user);
        for (String hash : hashes) {
            jdbc.sql("""
                    insert into staff_recovery_code (id, practice_id, user_id, code_hash, created_at)
                    values (:id, :practice, :user, :hash, :now)""")
                    .param("id", UUID.randomUUID()).param("practice", practice.value()).param("user", user.value())
                    .param("hash", hash).param("now", Timestamps.toDb(now)).update();
        }
    }

    /**
     * Spends the code with this hash: true for the one request whose conditional update touched
     * the row, false for a wrong, spent or voided code (and for the loser of a race).
     */
    boolean spend(UserId user, PracticeId practice, String hash, Instant now) {
        return jdbc.sql("""
                update staff_recovery_code set used_at = :now
                 where user_id = :user and practice_id = :practice and code_hash = :hash and used_at is null""")
                .param("now", Timestamps.toDb(now)).param("user", user.value()).param("practice", practice.value())
                .param("hash", hash).update() == 1;
    }

    int remaining(UserId user) {
        return jdbc.sql("select count(*) from staff_recovery_code where user_id = :user and used_at is null")
                .param("user", user.value()).query(Long.class).single().intValue();
    }

    void deleteAll(UserId user) {
        jdbc.sql("delete from staff_recovery_code where user_id = :user").param("user", user.value()).update();
    }
}
