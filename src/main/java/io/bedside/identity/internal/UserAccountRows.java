package io.bedside.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code user_account} table. */
@Repository
class UserAccountRows {

    private final JdbcClient jdbc;
    private final Clock clock;

    UserAccountRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(UserId id, PracticeId practice, Actor.Kind kind, String email, String passwordHash,
            Set<StaffRole> roles, PatientId patient) {
        jdbc.sql("""
                insert into user_account (id, practice_id, kind, email, password_hash, roles, patient_id, active, created_at)
                values (:id, :practice, :kind, :email, :hash, :roles, :patient, true, :now)""")
                .param("id", id.value())
                .param("practice", practice.value())
                .param("kind", kind.name())
                .param("email", email)
                .param("hash", passwordHash)
                .param("roles", roles.stream().map(StaffRole::code).sorted().collect(Collectors.joining(",")))
                .param("patient", patient == null ? null : patient.value())
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("select * from user_account where email = :email")
                .param("email", email)
                .query(UserAccountRows::map)
                .optional();
    }

    Optional<UserId> findByPatient(PracticeId practice, PatientId patient) {
        return jdbc.sql("select id from user_account where practice_id = :practice and patient_id = :patient and active")
                .param("practice", practice.value()).param("patient", patient.value())
                .query((rs, n) -> UserId.of(rs.getObject("id", UUID.class))).optional();
    }

    Optional<String> email(UserId id) {
        return jdbc.sql("select email from user_account where id = :id").param("id", id.value())
                .query(String.class).optional();
    }

    /** How many rows changed: none when the account is not the practice's. */
    int setActive(PracticeId practice, UserId id, boolean active) {
        return jdbc.sql("update user_account set active = :active where id = :id and practice_id = :practice")
                .param("active", active).param("id", id.value()).param("practice", practice.value()).update();
    }

    void setPassword(UserId id, String hash) {
        jdbc.sql("update user_account set password_hash = :hash where id = :id")
                .param("hash", hash).param("id", id.value()).update();
    }

    /** Sets the first password of an invited account; false when one was set already. */
    boolean setFirstPassword(UserId id, String hash) {
        return jdbc.sql("update user_account set password_hash = :hash where id = :id and password_hash is null")
                .param("hash", hash).param("id", id.value()).update() == 1;
    }

    /** Email and whether a password is set, by account, for one practice's staff list. */
    Map<UserId, StaffSignIn> signInOf(PracticeId practice) {
        Map<UserId, StaffSignIn> result = new HashMap<>();
        jdbc.sql("select id, email, password_hash, active from user_account where practice_id = :practice and kind = 'STAFF'")
                .param("practice", practice.value())
                .query(rs -> {
                    result.put(UserId.of(rs.getObject("id", UUID.class)),
                            new StaffSignIn(rs.getString("email"), rs.getString("password_hash") != null, rs.getBoolean("active")));
                });
        return result;
    }

    Optional<UserAccount> find(UserId id) {
        return jdbc.sql("select * from user_account where id = :id").param("id", id.value())
                .query(UserAccountRows::map).optional();
    }

    /** The patients of the practice who already have an account (invited or signed up). */
    Set<PatientId> patientsWithAccount(PracticeId practice) {
        return new HashSet<>(jdbc.sql(
                "select patient_id from user_account where practice_id = :practice and patient_id is not null")
                .param("practice", practice.value())
                .query((rs, n) -> PatientId.of(rs.getObject("patient_id", UUID.class))).list());
    }

    /** Names the account of a proxy who has no patient record of their own. */
    void setDisplayName(UserId id, String name) {
        jdbc.sql("update user_account set display_name = :name where id = :id")
                .param("name", name).param("id", id.value()).update();
    }

    /** The names proxy-only accounts go by, of those of these accounts that have one. */
    Map<UserId, String> displayNames(java.util.Collection<UserId> ids) {
        Map<UserId, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, display_name from user_account where id in (:ids) and display_name is not null")
                .param("ids", ids.stream().map(UserId::value).toList())
                .query((rs, n) -> names.put(UserId.of(rs.getObject("id", UUID.class)), rs.getString("display_name")))
                .list();
        return names;
    }

    /** Which of these accounts are active (a disabled or closed account hears of nothing). */
    Set<UserId> active(java.util.Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from user_account where id in (:ids) and active")
                .param("ids", ids.stream().map(UserId::value).toList())
                .query((rs, n) -> UserId.of(rs.getObject("id", UUID.class))).list());
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        Set<StaffRole> parsed = roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).map(StaffRole::fromCode).collect(Collectors.toUnmodifiableSet());
        UUID patient = rs.getObject("patient_id", UUID.class);
        return new UserAccount(UserId.of(rs.getObject("id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)), Actor.Kind.valueOf(rs.getString("kind")),
                rs.getString("password_hash"), parsed, patient == null ? null : PatientId.of(patient),
                rs.getBoolean("active"));
    }

    // ------------------------------------------------------------ an invitation not yet accepted follows the roster
    // (issue 14, staff correcting a patient's email; used by PatientLinks.invite)

    /** Moves an account that has no password yet to another address; false when it has one (or is gone). */
    boolean setEmailBeforeFirstPassword(PracticeId practice, UserId id, String email) {
        return jdbc.sql("""
                update user_account set email = :email
                 where id = :id and practice_id = :practice and password_hash is null""")
                .param("email", email).param("id", id.value()).param("practice", practice.value()).update() == 1;
    }

    // ------------------------------------------------------------ patients' own email and closed accounts
    // (issue 14, "Patients and their accounts")

    /** Changes the sign-in address; false when the account is gone or inactive. */
    boolean setEmail(UserId id, String email) {
        return jdbc.sql("update user_account set email = :email where id = :id and active")
                .param("email", email).param("id", id.value()).update() == 1;
    }

    /** The patient's account, active or not (a closed account is inactive). */
    Optional<UserId> findAnyByPatient(PracticeId practice, PatientId patient) {
        return jdbc.sql("select id from user_account where practice_id = :practice and patient_id = :patient")
                .param("practice", practice.value()).param("patient", patient.value())
                .query((rs, n) -> UserId.of(rs.getObject("id", UUID.class))).optional();
    }
}
