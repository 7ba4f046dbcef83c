package io.bedside.fhir.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import io.bedside.messaging.system.ExportedConversation;

/**
 * Maps exported conversations to FHIR R4 resources: the patient, the care teams and staff who wrote,
 * one {@code Communication} per message (chained by {@code inResponseTo}), and one
 * {@code CommunicationRequest} per structured request (refill, referral, appointment), which its
 * messages name in {@code basedOn}. Attachments are listed with their type, name, size and the
 * address to fetch them from: never their bytes. PHI: never log what this makes.
 */
public final class FhirResources {

    /** The code system of Bedside's conversation kinds (question, refill...). */
    public static final String KIND_SYSTEM = "https://bedside.example/fhir/CodeSystem/conversation-kind";

    /** Identifiers: the message's or conversation's UUID as a URN. */
    static final String URN_SYSTEM = "urn:ietf:rfc:3986";

    /** The kinds that are structured requests and so also give a CommunicationRequest. */
    static final Set<String> REQUEST_KINDS = Set.of("refill", "referral", "appointment");

    private static final Map<String, String> KIND_NAMES = Map.of("question", "Question", "refill",
            "Prescription refill", "referral", "Referral", "appointment", "Appointment", "billing", "Billing",
            "campaign", "Message from the practice");

    private static final Map<String, String> FIELD_NAMES = Map.of("medication", "Medication", "dose", "Dose",
            "pharmacy", "Pharmacy", "specialty", "Specialty", "reason", "Reason", "preferredTimes",
            "Preferred times");

    private final String attachmentBase;

    /** @param attachmentBase the address before an attachment's id, e.g. {@code https://host/api/v1/attachments/} */
    public FhirResources(String attachmentBase) {
        this.attachmentBase = attachmentBase;
    }

    /** Every resource of these conversations, each once, in a stable order (patients, teams, staff, then each conversation's). */
    public List<Resource> of(List<ExportedConversation> conversations) {
        Map<String, Resource> people = new LinkedHashMap<>();
        List<Resource> rest = new ArrayList<>();
        for (ExportedConversation c : conversations) {
            people.computeIfAbsent("Patient/" + c.patientId(), k -> patient(c));
            people.computeIfAbsent("CareTeam/" + c.careTeamId(), k -> careTeam(c));
            for (ExportedConversation.Message m : c.messages()) {
                if (m.authorKind() == ExportedConversation.AuthorKind.STAFF) {
                    people.computeIfAbsent("Practitioner/" + m.authorId(), k -> practitioner(m));
                }
            }
            rest.addAll(conversation(c));
        }
        List<Resource> all = new ArrayList<>(people.values());
        all.addAll(rest);
        return all;
    }

    private static Patient patient(ExportedConversation c) {
        Patient p = new Patient();
        p.setId(c.patientId().toString());
        p.addIdentifier(new Identifier().setSystem(URN_SYSTEM).setValue("urn:uuid:" + c.patientId()));
        if (c.patientName() != null && !c.patientName().isBlank()) {
            p.addName(new HumanName().setText(c.patientName()));
        }
        return p;
    }

    private static CareTeam careTeam(ExportedConversation c) {
        CareTeam t = new CareTeam();
        t.setId(c.careTeamId().toString());
        t.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        t.setName(c.careTeamName());
        return t;
    }

    private static Practitioner practitioner(ExportedConversation.Message m) {
        Practitioner p = new Practitioner();
        p.setId(m.authorId().toString());
        p.addName(new HumanName().setText(m.authorName()));
        return p;
    }

    /** The resources of one conversation: its request (if structured), then its messages in order. */
    List<Resource> conversation(ExportedConversation c) {
        List<Resource> out = new ArrayList<>();
        Reference patient = patientRef(c);
        Reference team = new Reference("CareTeam/" + c.careTeamId()).setDisplay(c.careTeamName());
        CodeableConcept category = category(c.kind());
        CodeableConcept topic = c.subject() == null || c.subject().isBlank() ? null
                : new CodeableConcept().setText(c.subject());
        Reference request = null;
        if (REQUEST_KINDS.contains(c.kind())) {
            CommunicationRequest r = new CommunicationRequest();
            r.setId(c.id().toString());
            r.addIdentifier(new Identifier().setSystem(URN_SYSTEM).setValue("urn:uuid:" + c.id()));
            r.setStatus("closed".equals(c.status()) ? CommunicationRequest.CommunicationRequestStatus.COMPLETED
                    : CommunicationRequest.CommunicationRequestStatus.ACTIVE);
            r.addCategory(category);
            r.setPriority(priority(c.priority()));
            r.setSubject(patient);
            r.setAuthoredOn(Date.from(c.startedAt()));
            r.setRequester(c.messages().isEmpty() ? patient : sender(c, c.messages().get(0)));
            r.addRecipient(team);
            if (c.subject() != null && !c.subject().isBlank()) {
                r.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(c.subject()));
            }
            c.details().forEach((field, value) -> r.addPayload()
                    .setContent(new org.hl7.fhir.r4.model.StringType(FIELD_NAMES.getOrDefault(field, field) + ": "
                            + value)));
            out.add(r);
            request = new Reference("CommunicationRequest/" + c.id());
        }
        Reference previous = null;
        for (ExportedConversation.Message m : c.messages()) {
            Communication com = new Communication();
            com.setId(m.id().toString());
            com.addIdentifier(new Identifier().setSystem(URN_SYSTEM).setValue("urn:uuid:" + m.id()));
            com.setStatus(Communication.CommunicationStatus.COMPLETED);
            com.addCategory(category.copy());
            com.setPriority(Communication.CommunicationPriority.fromCode(priority(c.priority()).toCode()));
            com.setSubject(patient.copy());
            if (topic != null) {
                com.setTopic(topic.copy());
            }
            if (request != null) {
                com.addBasedOn(request.copy());
            }
            if (previous != null) {
                com.addInResponseTo(previous);
            }
            com.setSent(Date.from(m.sentAt()));
            com.setSender(sender(c, m));
            boolean toPatient = m.authorKind() == ExportedConversation.AuthorKind.STAFF
                    || m.authorKind() == ExportedConversation.AuthorKind.SYSTEM;
            com.addRecipient(toPatient ? patient.copy() : team.copy());
            if (m.body() != null && !m.body().isBlank()) {
                com.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(m.body()));
            }
            for (ExportedConversation.Attachment a : m.attachments()) {
                Attachment file = new Attachment().setContentType(a.contentType()).setTitle(a.filename())
                        .setUrl(attachmentBase + a.id());
                if (a.sizeBytes() <= Integer.MAX_VALUE) {
                    file.setSize((int) a.sizeBytes());
                }
                com.addPayload().setContent(file);
            }
            out.add(com);
            previous = new Reference("Communication/" + m.id());
        }
        return out;
    }

    private static Reference patientRef(ExportedConversation c) {
        return new Reference("Patient/" + c.patientId()).setDisplay(c.patientName());
    }

    private static Reference sender(ExportedConversation c, ExportedConversation.Message m) {
        return switch (m.authorKind()) {
            case PATIENT -> patientRef(c);
            case STAFF -> new Reference("Practitioner/" + m.authorId()).setDisplay(m.authorName());
            // A family member writing for the patient, or Bedside's own automatic reply: named only.
            case PROXY -> new Reference().setDisplay(m.authorName() + " (for " + c.patientName() + ")");
            case SYSTEM -> new Reference().setDisplay(m.authorName() + " (automatic reply)");
        };
    }

    static CodeableConcept category(String kind) {
        return new CodeableConcept(new Coding(KIND_SYSTEM, kind, KIND_NAMES.getOrDefault(kind, kind)));
    }

    private static CommunicationRequest.CommunicationPriority priority(String code) {
        return switch (code) {
            case "high" -> CommunicationRequest.CommunicationPriority.URGENT;
            case "urgent" -> CommunicationRequest.CommunicationPriority.ASAP;
            default -> CommunicationRequest.CommunicationPriority.ROUTINE;
        };
    }
}
