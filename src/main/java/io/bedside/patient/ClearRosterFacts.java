package io.bedside.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * Encrypts the roster tags and last visits that were stored in clear before they were PHI at
 * rest (migration V8_21 moved them to {@code patient_roster_clear}, since Flyway has no keys):
 * once, when the application starts, before it serves anyone, a batch per transaction. Each row
 * is deleted as it is encrypted, so another node starting at the same time, or a start after a
 * crash, does each row once; afterwards the table stays empty and this finds nothing.
 */
@Component
class ClearRosterFacts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClearRosterFacts.class);
    private static final int BATCH = 500;

    private record Clear(UUID patient, UUID practice, String tags, LocalDate lastVisit) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RosterCipher cipher;

    ClearRosterFacts(JdbcClient jdbc, TransactionTemplate transaction, RosterCipher cipher) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long done = 0;
        List<Clear> batch;
        while (!(batch = next()).isEmpty()) {
            List<Clear> rows = batch;
            done += transaction.execute(status -> encrypt(rows));
        }
        if (done > 0) {
            log.info("Encrypted the roster tags and last visits of {} patients, stored in clear before", done);
        }
    }

    private List<Clear> next() {
        return jdbc.sql("select patient_id, practice_id, tags, last_visit from patient_roster_clear order by patient_id limit "
                + BATCH)
                .query((rs, n) -> new Clear(rs.getObject("patient_id", UUID.class), rs.getObject("practice_id", UUID.class),
                        rs.getString("tags"), rs.getObject("last_visit", LocalDate.class)))
                .list();
    }

    private long encrypt(List<Clear> rows) {
        long done = 0;
        for (Clear row : rows) {
            // Whoever deletes the row encrypts it: a node that lost the race leaves it alone.
            if (jdbc.sql("delete from patient_roster_clear where patient_id = :id").param("id", row.patient()).update() == 1) {
                PracticeId practice = PracticeId.of(row.practice());
                PatientId patient = PatientId.of(row.patient());
                jdbc.sql("update patient set roster_ciphertext = :roster where id = :id and practice_id = :practice")
                        .param("roster", cipher.encrypt(practice, patient,
                                new RosterFacts(RosterFacts.tagList(row.tags()), row.lastVisit())))
                        .param("id", row.patient()).param("practice", row.practice()).update();
                done++;
            }
        }
        return done;
    }
}
