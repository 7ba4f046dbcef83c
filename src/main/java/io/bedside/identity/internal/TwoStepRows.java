package io.bedside.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code staff_totp} table (one authenticator per member of staff) and the account's exemption flag. */
@Repository
class TwoStepRows {

    private final JdbcClient jdbc;

    TwoStepRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exempt(UserId user) {
        return jdbc.sql("select two_step_exempt from user_account where id = :id").param("id", user.value())
                .query(Boolean.class).optional().orElse(false);
    }

    void setExempt(UserId user) {
        jdbc.sql("update user_account set two_step_exempt = true where id = :id").param("id", user.value()).update();
    }

    boolean confirmed(UserId user) {
        return jdbc.sql("select count(*) from staff_totp where user_id = :id and confirmed_at is not null")
                .param("id", user.value()).query(Long.class).single() > 0;
    }

    /** Replaces any authenticator of the account by a new, unconfirmed one. */
    void replacePending(UserId user, PracticeId practice, byte[] secretCiphertext, Instant now) {
        jdbc.sql("delete from staff_totp where user_id = :id").param("id", user.value()).update();
        jdbc.sql("""
                insert into staff_totp (user_id, practice_id, secret_ciphertext, created_at)
                values (:id, :practice, :secret, :now)""")
                .param("id", user.value()).param("practice", practice.value())
                .param("secret", secretCiphertext)
                .param("now", Timestamps.toDb(now)).update();
    }

    /** The secret of the authenticator being set up (confirmed false) or in use (true). */
    Optional<byte[]> secret(UserId user, PracticeId practice, boolean confirmed) {
        return jdbc.sql("select secret_ciphertext from staff_totp where user_id = :id and practice_id = :practice and "
                + (confirmed ? "confirmed_at is not null" : "confirmed_at is null"))
                .param("id", user.value()).param("practice", practice.value()).query(byte[].class).optional();
    }

    /** Confirms the pending authenticator at {@code step}; false when another request did first. */
    boolean confirm(UserId user, long step, Instant now) {
        return jdbc.sql("""
                update staff_totp set confirmed_at = :now, last_step = :step
                 where user_id = :id and confirmed_at is null""")
                .param("now", Timestamps.toDb(now)).param("step", step)
                .param("id", user.value()).update() == 1;
    }

    /** Moves the last step used forward; false when it was not earlier (a code is used once). */
    boolean advance(UserId user, long step) {
        return jdbc.sql("update staff_totp set last_step = :step where user_id = :id and last_step < :step")
                .param("step", step).param("id", user.value()).update() == 1;
    }

    void delete(UserId user) {
        jdbc.sql("delete from staff_totp where user_id = :id").param("id", user.value()).update();
    }
}
