/**
 * FHIR out: a patient's conversations and messages as FHIR R4 resources (Communication, and
 * CommunicationRequest for structured requests; ServiceRequest and Appointment for visit requests,
 * read through scheduling's API), one patient at a time as a Bundle, or the whole
 * practice as NDJSON files in the style of FHIR Bulk Data, encrypted while they wait for download.
 * Reads conversations only through the named interface messaging :: system, whose export reads are
 * audited on each patient's trail; owns the tables fhir_export_job and fhir_export_file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR",
        allowedDependencies = { "audit", "crypto", "messaging", "messaging :: system", "shared", "web", "practice",
                "scheduling" })
package io.bedside.fhir;
