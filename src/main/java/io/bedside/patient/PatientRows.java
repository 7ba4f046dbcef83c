package io.bedside.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The {@code patient} table, as records ({@link RosterRows} writes it as roster entries). Every
 * statement is scoped to one practice. Package-private: other
 * modules read patients through {@link PatientDirectory} (people), {@link Patients} (writes and
 * narrow facts) or {@code patient.system.SystemPatients} (the system), never through this.
 */
@Repository
class PatientRows {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RosterCipher rosterCipher;

    PatientRows(JdbcClient jdbc, Clock clock, RosterCipher rosterCipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rosterCipher = rosterCipher;
    }

    Patient register(PracticeId practice, NewPatient p) {
        PatientId id = PatientId.random();
        jdbc.sql("""
                insert into patient (id, practice_id, external_id, given_name, family_name, birth_date, sex,
                                     email, phone, language, created_at, search_name)
                values (:id, :practice, :external, :given, :family, :birth, :sex, :email, :phone, :language, :now,
                        :search)""")
                .param("search", PatientSearch.searchName(p.givenName(), p.familyName()))
                .param("id", id.value())
                .param("practice", practice.value())
                .param("external", p.externalId())
                .param("given", p.givenName())
                .param("family", p.familyName())
                .param("birth", p.birthDate())
                .param("sex", p.sex().code())
                .param("email", p.email())
                .param("phone", p.phone())
                .param("language", p.language())
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
        return new Patient(id, practice, p.externalId(), p.givenName(), p.familyName(), p.birthDate(), p.sex(),
                p.email(), p.phone(), p.language());
    }

    /** A patient of the given practice; another practice's patient is not found. */
    Optional<Patient> find(PracticeId practice, PatientId id) {
        return jdbc.sql("select * from patient where id = :id and practice_id = :practice")
                .param("id", id.value())
                .param("practice", practice.value())
                .query(PatientRows::map)
                .optional();
    }

    /** The practice's patients among {@code ids} (others' are left out): one query for a page of names. */
    List<Patient> findAll(PracticeId practice, Collection<PatientId> ids) {
        return jdbc.sql("select * from patient where practice_id = :practice and id in (:ids)")
                .param("practice", practice.value())
                .param("ids", ids.stream().map(PatientId::value).toList())
                .query(PatientRows::map)
                .list();
    }

    /** The practice's patient with this external id (MRN), if any. */
    Optional<Patient> findByExternalId(PracticeId practice, String externalId) {
        return jdbc.sql("select * from patient where practice_id = :practice and external_id = :external")
                .param("practice", practice.value()).param("external", externalId)
                .query(PatientRows::map).optional();
    }

    /**
     * Patients of one practice whose name words start with the words typed, and whose date of
     * birth is the one typed, if one is: "walker", "ali wal", "1985-03-14", "03/14/1985 walker".
     * Accents and case do not matter. At most {@code limit}, by family name.
     */
    List<Patient> search(PracticeId practice, String text, int limit) {
        PatientSearch.Terms terms = PatientSearch.parse(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select * from patient where practice_id = :practice");
        Map<String, Object> query = new HashMap<>();
        query.put("practice", practice.value());
        for (int i = 0; i < terms.words().size(); i++) {
            sql.append(" and search_name like :w").append(i);
            query.put("w" + i, "% " + terms.words().get(i).replace("%", "").replace("_", "") + "%");
        }
        if (terms.birthDate() != null) {
            sql.append(" and birth_date = :birth");
            query.put("birth", terms.birthDate());
        }
        sql.append(" order by family_name, given_name, birth_date limit ").append(Math.max(1, Math.min(limit, 100)));
        return jdbc.sql(sql.toString()).params(query).query(PatientRows::map).list();
    }

    /** The preferred language of each of the given patients of the practice, read a thousand at a time. */
    Map<PatientId, String> languages(PracticeId practice, List<PatientId> ids) {
        Map<PatientId, String> languages = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000)).stream().map(PatientId::value).toList();
            jdbc.sql("select id, language from patient where practice_id = :practice and id in (:ids)")
                    .param("practice", practice.value()).param("ids", chunk)
                    .query(rs -> {
                        languages.put(PatientId.of(rs.getObject("id", UUID.class)), rs.getString("language"));
                    });
        }
        return languages;
    }

    /**
     * The practice's patients who meet the criteria and have not opted out of campaigns, as of
     * the practice's {@code today}, in a stable order (by id). Tags and last visits are stored
     * only encrypted (issue 15, finding 3): the database narrows by everything else, and those
     * criteria are checked on the decrypted roster facts of what is left.
     */
    List<PatientId> matching(PracticeId practice, CohortCriteria criteria, LocalDate today) {
        StringBuilder sql = new StringBuilder(
                "select id from patient where practice_id = :practice and campaign_opt_out = false and closed_at is null");
        Map<String, Object> query = new HashMap<>();
        query.put("practice", practice.value());
        if (criteria.minAge() != null) {
            sql.append(" and birth_date <= :bornBy");
            query.put("bornBy", today.minusYears(criteria.minAge()));
        }
        if (criteria.maxAge() != null) {
            sql.append(" and birth_date > :bornAfter");
            query.put("bornAfter", today.minusYears(criteria.maxAge() + 1L));
        }
        if (criteria.sex() != null) {
            sql.append(" and sex = :sex");
            query.put("sex", criteria.sex().code());
        }
        if (!criteria.languages().isEmpty()) {
            sql.append(" and (lower(language) in (:languages) or substring(lower(language), 1, 3) in (:prefixes))");
            query.put("languages", criteria.languages());
            query.put("prefixes", criteria.languages().stream().map(l -> l + "-").toList());
        }
        sql.append(" order by id");
        if (criteria.tags().isEmpty() && criteria.lastVisitBefore() == null && criteria.lastVisitAfter() == null) {
            return jdbc.sql(sql.toString()).params(query)
                    .query((rs, n) -> PatientId.of(rs.getObject("id", UUID.class))).list();
        }
        List<PatientId> selected = new ArrayList<>();
        jdbc.sql(sql.toString().replace("select id from", "select id, roster_ciphertext from")).params(query)
                .query(rs -> {
                    PatientId id = PatientId.of(rs.getObject("id", UUID.class));
                    if (rosterCipher.decrypt(practice, id, rs.getBytes("roster_ciphertext")).meets(criteria)) {
                        selected.add(id);
                    }
                });
        return selected;
    }

    boolean optedOutOfCampaigns(PracticeId practice, PatientId patient) {
        return jdbc.sql("select campaign_opt_out from patient where id = :id and practice_id = :practice")
                .param("id", patient.value()).param("practice", practice.value())
                .query(Boolean.class).optional().orElse(false);
    }

    boolean setOptedOutOfCampaigns(PracticeId practice, PatientId patient, boolean optedOut) {
        return jdbc.sql("update patient set campaign_opt_out = :out, updated_at = :now where id = :id and practice_id = :practice")
                .param("out", optedOut).param("now", Timestamps.toDb(Timestamps.now(clock)))
                .param("id", patient.value()).param("practice", practice.value())
                .update() == 1;
    }

    /** The practice's patients who have an email address on file and whose account is not closed. */
    List<PatientId> withEmail(PracticeId practice) {
        return jdbc.sql("select id from patient where practice_id = :practice and email is not null and email <> '' and closed_at is null")
                .param("practice", practice.value()).query((rs, n) -> PatientId.of(rs.getObject("id", UUID.class))).list();
    }

    static Patient map(ResultSet rs, int row) throws SQLException {
        return new Patient(PatientId.of(rs.getObject("id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)), rs.getString("external_id"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class),
                Sex.fromCode(rs.getString("sex")), rs.getString("email"), rs.getString("phone"),
                rs.getString("language"), closure(rs));
    }

    private static Patient.Closure closure(ResultSet rs) throws SQLException {
        Instant at = Timestamps.fromDb(rs, "closed_at");
        return at == null ? null
                : new Patient.Closure(ClosureReason.fromCode(rs.getString("closed_reason")).orElse(ClosureReason.OTHER), at);
    }

    // ------------------------------------------------------------ the patient's own profile and closing accounts

    Optional<UserId> primaryProvider(PracticeId practice, PatientId patient) {
        return jdbc.sql("select primary_provider_id from patient where id = :id and practice_id = :practice")
                .param("id", patient.value()).param("practice", practice.value())
                .query((rs, n) -> rs.getObject("primary_provider_id", UUID.class)).optional()
                .filter(Objects::nonNull).map(UserId::of);
    }

    boolean setPrimaryProvider(PracticeId practice, PatientId patient, UserId provider) {
        return jdbc.sql("update patient set primary_provider_id = :p where id = :id and practice_id = :practice")
                .param("p", provider == null ? null : provider.value())
                .param("id", patient.value()).param("practice", practice.value()).update() == 1;
    }

    boolean setOwnContact(PracticeId practice, PatientId patient, String phone, String language) {
        return jdbc.sql("""
                update patient set phone = :phone, language = :language, updated_at = :now
                 where id = :id and practice_id = :practice""")
                .param("phone", phone).param("language", language)
                .param("now", Timestamps.toDb(Timestamps.now(clock)))
                .param("id", patient.value()).param("practice", practice.value()).update() == 1;
    }

    void setEmail(PracticeId practice, PatientId patient, String email) {
        jdbc.sql("update patient set email = :email, updated_at = :now where id = :id and practice_id = :practice")
                .param("email", email).param("now", Timestamps.toDb(Timestamps.now(clock)))
                .param("id", patient.value()).param("practice", practice.value()).update();
    }

    boolean close(PracticeId practice, PatientId patient, ClosureReason reason, UserId by) {
        OffsetDateTime now = Timestamps.toDb(Timestamps.now(clock));
        return jdbc.sql("""
                update patient set closed_at = :now, closed_reason = :reason, closed_by = :by, updated_at = :now
                 where id = :id and practice_id = :practice and closed_at is null""")
                .param("now", now).param("reason", reason.code()).param("by", by.value())
                .param("id", patient.value()).param("practice", practice.value()).update() == 1;
    }

    boolean reopen(PracticeId practice, PatientId patient) {
        return jdbc.sql("""
                update patient set closed_at = null, closed_reason = null, closed_by = null, updated_at = :now
                 where id = :id and practice_id = :practice and closed_at is not null""")
                .param("now", Timestamps.toDb(Timestamps.now(clock)))
                .param("id", patient.value()).param("practice", practice.value()).update() == 1;
    }

    boolean changeContact(PracticeId practice, PatientId patient, String email, String phone, String language) {
        return jdbc.sql("""
                update patient set email = :email, phone = :phone, language = :language, updated_at = :now
                 where id = :id and practice_id = :practice""")
                .param("email", email).param("phone", phone).param("language", language)
                .param("now", Timestamps.toDb(Timestamps.now(clock)))
                .param("id", patient.value()).param("practice", practice.value())
                .update() == 1;
    }
}
