package io.bedside.messaging.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.bedside.patient.Patients;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * Whether a conversation is kept from the patient's proxies. An adolescent's own questions are
 * confidential by default (the practice's confidential age range, 12–17 unless set): a teenager
 * asking about contraception or mood must be able to trust that a parent's account never shows it.
 * What a parent starts for their child is visible to both; the patient may share one of their own;
 * staff may mark any.
 */
@Component
public class Confidentiality {

    private final Patients patients;
    private final Practices practices;

    Confidentiality(Patients patients, Practices practices) {
        this.patients = patients;
        this.practices = practices;
    }

    /** Whether a new conversation, started by {@code author} (acting for its patient), is confidential. */
    public boolean atStart(Actor author, PatientId patient, Boolean asked) {
        if (author.isStaff()) {
            return Boolean.TRUE.equals(asked);
        }
        if (author.isProxy()) {
            if (Boolean.TRUE.equals(asked)) {
                throw new InvalidRequestException("confidential",
                        "Only the patient can keep a conversation private from their family.");
            }
            return false;
        }
        return asked != null ? asked : inConfidentialAges(author.practiceId(), patient);
    }

    /** Whether the patient is in the practice's confidential age range today. */
    public boolean inConfidentialAges(PracticeId practice, PatientId patient) {
        return Optional.ofNullable(patients.birthDatesOfOpen(practice, List.of(patient)).get(patient))
                .map(birth -> practices.confidentialAges(practice).covers(birth, practices.today(practice)))
                .orElse(false);
    }
}
