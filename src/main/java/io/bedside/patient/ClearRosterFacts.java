package io.bedside.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.crypto.ClearValuesAtStart;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * Encrypts the roster tags and last visits stored in clear before they were PHI at rest
 * (migration V8_21 moved them to {@code patient_roster_clear}).
 */
@Component
class ClearRosterFacts extends ClearValuesAtStart<ClearRosterFacts.Held> {

    record Held(UUID patient, UUID practice, String tags, LocalDate lastVisit) {
    }

    private final JdbcClient jdbc;
    private final RosterCipher cipher;

    ClearRosterFacts(JdbcClient jdbc, TransactionTemplate transaction, RosterCipher cipher) {
        super(transaction, "patients' roster tags and last visits");
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    protected List<Held> next() {
        return jdbc.sql("select patient_id, practice_id, tags, last_visit from patient_roster_clear order by patient_id limit "
                + BATCH)
                .query((rs, n) -> new Held(rs.getObject("patient_id", UUID.class), rs.getObject("practice_id", UUID.class),
                        rs.getString("tags"), rs.getObject("last_visit", LocalDate.class)))
                .list();
    }

    @Override
    protected boolean encrypt(Held held) {
        if (jdbc.sql("delete from patient_roster_clear where patient_id = :id").param("id", held.patient()).update() == 0) {
            return false;
        }
        jdbc.sql("update patient set roster_ciphertext = :roster where id = :id and practice_id = :practice")
                .param("roster", cipher.encrypt(PracticeId.of(held.practice()), PatientId.of(held.patient()),
                        new RosterFacts(RosterFacts.tagList(held.tags()), held.lastVisit())))
                .param("id", held.patient()).param("practice", held.practice()).update();
        return true;
    }
}
