/**
 * The patients of each practice: the roster a practice imports, the demographics staff search by,
 * and the record that a patient account signs in as.
 *
 * <p>Three doors, each audited where it hands out a patient's data: {@link io.bedside.patient.PatientDirectory}
 * for people (staff searching and opening patients, a patient reading their own record),
 * {@code patient.system.SystemPatients} (named interface {@code system}) for the system's reads
 * (campaigns, message rules; only {@code outreach} and {@code workflow} may use it), and
 * {@link io.bedside.patient.Patients} for the roster's writes and narrow facts that are no
 * patient's record (whether one exists, how to reach them, whether a date of birth matches).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient",
        allowedDependencies = { "audit", "crypto", "shared" })
package io.bedside.patient;
