package io.bedside.audit;

import java.util.Optional;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;

/**
 * The names an access report shows for the patients it lists. The patient module answers; the
 * audit module never reads another module's tables, and does not depend on the patient module
 * (which audits its own reads through this one).
 */
public interface PatientNames {

    /** The patient's name, if the practice has this patient (another practice's does not exist). */
    Optional<String> displayName(PracticeId practice, PatientId patient);
}
