/**
 * Needs a visit: staff turn a conversation into an appointment request (reason, urgency, visit
 * type), the patient gives preferred times in a structured reply, and the front desk works a queue
 * of requests through requested, offered, booked and declined. Talks to messaging only through
 * Bedside's own door (the named interface messaging :: system, to post the thread's system
 * messages and learn a conversation's patient) and the thread-card SPI messaging owns.
 *
 * <p>The top package is the module's API for other modules: {@link io.bedside.scheduling.VisitRequests}
 * lists a practice's or a patient's requests (for an export in the standard format: the fhir
 * module, which depends on this one and never the other way), with the value types they carry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling",
        allowedDependencies = { "audit", "crypto", "messaging", "messaging :: system", "patient", "practice", "shared", "web" })
package io.bedside.scheduling;
