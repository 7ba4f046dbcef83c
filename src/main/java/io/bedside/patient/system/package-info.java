/**
 * The system's reads of patients, where no person is acting: campaign cohorts and recipients, and
 * the language the message rules answer in. Only the {@code workflow} and {@code outreach} modules
 * may use it (they name {@code patient :: system} in their allowed dependencies). A read that hands
 * out a patient's data is recorded on the audit trail with the system as actor, naming its purpose.
 */
@org.springframework.modulith.NamedInterface("system")
package io.bedside.patient.system;
