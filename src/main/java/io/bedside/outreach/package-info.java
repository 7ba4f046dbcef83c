/**
 * Outreach campaigns: a practice picks a cohort of its patients by criteria, writes one message
 * per language, and Bedside starts a conversation of kind campaign with each patient, in the
 * background, at a steady rate, within the care team's office hours, exactly once per patient.
 * Owns the campaign, recipient and campaign-sender tables; reads patients only through the
 * patient module's cohort query and writes to patients only through messaging.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach",
        allowedDependencies = { "audit", "identity", "messaging", "messaging :: system", "patient", "patient :: system", "practice", "shared", "web" })
package io.bedside.outreach;
