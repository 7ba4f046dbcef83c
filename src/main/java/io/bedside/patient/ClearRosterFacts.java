package io.bedside.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

    private final RosterRows rows;
    private final RosterCipher cipher;

    ClearRosterFacts(RosterRows rows, TransactionTemplate transaction, RosterCipher cipher) {
        super(transaction, "patients' roster tags and last visits");
        this.rows = rows;
        this.cipher = cipher;
    }

    @Override
    protected List<Held> next() {
        return rows.heldClearFacts(BATCH);
    }

    @Override
    protected boolean encrypt(Held held) {
        if (!rows.deleteHeldClearFacts(held.patient())) {
            return false;
        }
        PracticeId practice = PracticeId.of(held.practice());
        PatientId patient = PatientId.of(held.patient());
        rows.setRosterCiphertext(practice, patient, cipher.encrypt(practice, patient,
                new RosterFacts(RosterFacts.tagList(held.tags()), held.lastVisit())));
        return true;
    }
}
