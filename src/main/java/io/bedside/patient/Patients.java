package io.bedside.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The patient roster of each practice. Every lookup is scoped to one practice. */
@Service
public class Patients {

    private final JdbcClient jdbc;
    private final Clock clock;

    Patients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Patient register(PracticeId practice, NewPatient p) {
        PatientId id = PatientId.random();
        jdbc.sql("""
                insert into patient (id, practice_id, external_id, given_name, family_name, birth_date, sex,
                                     email, phone, language, created_at)
                values (:id, :practice, :external, :given, :family, :birth, :sex, :email, :phone, :language, :now)""")
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
    public Optional<Patient> find(PracticeId practice, PatientId id) {
        return jdbc.sql("select * from patient where id = :id and practice_id = :practice")
                .param("id", id.value())
                .param("practice", practice.value())
                .query(Patients::map)
                .optional();
    }

    static Patient map(ResultSet rs, int row) throws SQLException {
        return new Patient(PatientId.of(rs.getObject("id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)), rs.getString("external_id"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class),
                Sex.fromCode(rs.getString("sex")), rs.getString("email"), rs.getString("phone"),
                rs.getString("language"));
    }
}
