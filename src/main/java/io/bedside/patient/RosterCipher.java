package io.bedside.patient;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.EncryptedColumn;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * Encrypts a patient's {@link RosterFacts} under the practice key, bound to the patient: copied to
 * another patient's row, they no longer decrypt. Declares the column for key rotation's
 * re-encryption pass.
 */
@Configuration(proxyBeanMethods = false)
class RosterCipher {

    private static final String PURPOSE = "patient.roster";

    private final PracticeEncryption encryption;

    RosterCipher(PracticeEncryption encryption) {
        this.encryption = encryption;
    }

    @Bean
    static EncryptedColumn patientRosterCiphertexts() {
        return new EncryptedColumn("patient", List.of("id"), "roster_ciphertext", PURPOSE, List.of("id"));
    }

    /** The ciphertext to store, or null when the roster says nothing (no tags, no visit). */
    byte[] encrypt(PracticeId practice, PatientId patient, RosterFacts facts) {
        return facts.isEmpty() ? null
                : encryption.encrypt(practice, facts.encode().getBytes(StandardCharsets.UTF_8), context(patient));
    }

    RosterFacts decrypt(PracticeId practice, PatientId patient, byte[] ciphertext) {
        return ciphertext == null ? RosterFacts.NONE
                : RosterFacts.decode(new String(encryption.decrypt(practice, ciphertext, context(patient)),
                        StandardCharsets.UTF_8));
    }

    private static AssociatedData context(PatientId patient) {
        return AssociatedData.of(PURPOSE, patient);
    }
}
