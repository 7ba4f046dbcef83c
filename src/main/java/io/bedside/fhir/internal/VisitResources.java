package io.bedside.fhir.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import io.bedside.scheduling.PreferredTime;
import io.bedside.scheduling.VisitRequest;
import io.bedside.scheduling.VisitType;

/**
 * Maps a visit request ("needs a visit") to FHIR R4: always a {@code ServiceRequest} (id = the
 * request's id), and once a time was offered or booked an {@code Appointment} (the same id) based on
 * it. The mapping table is in docs/subsystems/fhir.md. PHI (the reason, the patient's note): never
 * log what this makes.
 */
final class VisitResources {

    /** The code system of Bedside's visit types (in_person, video, phone). */
    static final String VISIT_TYPE_SYSTEM = "https://bedside.example/fhir/CodeSystem/visit-type";

    /** HL7 v3 participation types: the practice's side of an appointment is its primary performer. */
    static final String PARTICIPATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /** How long a visit lasts when nothing says otherwise (Bedside stores only its start). */
    static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);

    private static final Map<VisitType, String> TYPE_NAMES = Map.of(VisitType.IN_PERSON, "In-person visit",
            VisitType.VIDEO, "Video visit", VisitType.PHONE, "Phone visit");

    private VisitResources() {
    }

    /**
     * The resources of one request.
     *
     * @param zone          the practice's time zone (preferred parts of a day are on its clock)
     * @param teamName      the care team's name, null when unknown
     * @param requesterName the name of the staff member who asked for the visit, null when unknown
     * @param conversation  where the request came from: a reference to the conversation's first
     *                      message and the conversation's URN
     */
    static List<Resource> of(VisitRequest v, ZoneId zone, String teamName, String requesterName,
            Reference conversation) {
        List<Resource> out = new ArrayList<>();
        Reference patient = new Reference("Patient/" + v.patientId());
        CodeableConcept type = new CodeableConcept(new Coding(VISIT_TYPE_SYSTEM, v.visitType().code(),
                TYPE_NAMES.get(v.visitType())));
        type.setText(TYPE_NAMES.get(v.visitType()));
        CodeableConcept reason = new CodeableConcept().setText(v.reason());

        ServiceRequest sr = new ServiceRequest();
        sr.setId(v.id().toString());
        sr.addIdentifier(new Identifier().setSystem(FhirResources.URN_SYSTEM).setValue("urn:uuid:" + v.id()));
        sr.setStatus(switch (v.status()) {
            case REQUESTED, OFFERED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case BOOKED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case DECLINED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        });
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.addCategory(new CodeableConcept().setText("Visit request"));
        sr.setCode(type.copy());
        sr.setPriority(switch (v.urgency()) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case SOON -> ServiceRequest.ServiceRequestPriority.URGENT;
            case TODAY -> ServiceRequest.ServiceRequestPriority.ASAP;
        });
        sr.setSubject(patient.copy());
        sr.setAuthoredOn(Date.from(v.createdAt()));
        sr.setRequester(new Reference("Practitioner/" + v.requestedBy()).setDisplay(requesterName));
        sr.addPerformer(new Reference("CareTeam/" + v.careTeamId()).setDisplay(teamName));
        sr.addReasonCode(reason.copy());
        if (conversation != null) {
            sr.addSupportingInfo(conversation.copy());
        }
        if (!v.preferredTimes().isEmpty()) {
            List<String> wanted = v.preferredTimes().stream().map(t -> t.date() + " " + t.part().code()).toList();
            sr.addNote(new Annotation().setText("Preferred times: " + String.join(", ", wanted))
                    .setTimeElement(v.preferencesAt() == null ? null
                            : new DateTimeType(Date.from(v.preferencesAt()))));
        }
        if (v.note() != null && !v.note().isBlank()) {
            sr.addNote(new Annotation().setText(v.note()));
        }
        out.add(sr);

        Appointment.AppointmentStatus status = switch (v.status()) {
            case OFFERED -> Appointment.AppointmentStatus.PROPOSED;
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case DECLINED -> v.slotAt() == null ? null : Appointment.AppointmentStatus.CANCELLED;
            case REQUESTED -> null;
        };
        if (status == null || v.slotAt() == null) {
            return out;
        }
        Appointment a = new Appointment();
        a.setId(v.id().toString());
        a.setStatus(status);
        if (status == Appointment.AppointmentStatus.CANCELLED) {
            a.setCancelationReason(new CodeableConcept().setText("Declined"));
        }
        a.addServiceType(type.copy());
        a.addReasonCode(reason.copy());
        a.setStart(Date.from(v.slotAt()));
        a.setEnd(Date.from(v.slotAt().plus(DEFAULT_LENGTH)));
        a.setMinutesDuration((int) DEFAULT_LENGTH.toMinutes());
        a.setCreated(Date.from(v.createdAt()));
        a.addBasedOn(new Reference("ServiceRequest/" + v.id()));
        a.addParticipant().setActor(patient.copy()).setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(switch (v.status()) {
                    case BOOKED -> Appointment.ParticipationStatus.ACCEPTED;
                    case DECLINED -> Appointment.ParticipationStatus.DECLINED;
                    default -> Appointment.ParticipationStatus.NEEDSACTION;
                });
        // The practice's side: the care team (which R4 does not allow as an actor here), named by display.
        Appointment.AppointmentParticipantComponent practice = a.addParticipant();
        practice.addType(new CodeableConcept(new Coding(PARTICIPATION_SYSTEM, "PPRF", "primary performer")));
        if (teamName != null) {
            practice.setActor(new Reference().setDisplay(teamName));
        }
        practice.setRequired(Appointment.ParticipantRequired.REQUIRED);
        practice.setStatus(Appointment.ParticipationStatus.ACCEPTED);
        for (PreferredTime t : v.preferredTimes()) {
            Instant from = t.date().atTime(t.part().from()).atZone(zone).toInstant();
            Instant until = t.date().atTime(t.part().until()).atZone(zone).toInstant();
            // Written with the practice's offset, so that "morning" reads as it was meant.
            TimeZone local = TimeZone.getTimeZone(zone);
            a.addRequestedPeriod(new Period()
                    .setStartElement(new DateTimeType(Date.from(from), TemporalPrecisionEnum.SECOND, local))
                    .setEndElement(new DateTimeType(Date.from(until), TemporalPrecisionEnum.SECOND, local)));
        }
        out.add(a);
        return out;
    }
}
