package io.bedside.fhir.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;

import io.bedside.audit.AuditAction;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.ExportedConversation;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.scheduling.VisitRequest;
import io.bedside.scheduling.VisitRequests;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;

/**
 * One patient's conversations as a FHIR R4 {@code Bundle} of type collection. Who may ask: any
 * member of the practice's staff (every conversation, confidential ones too), and on the patient's
 * side an account for its own record or for a record it is a proxy for (then without the
 * conversations kept confidential from family), as messaging decides for its own pages. Anyone
 * else is answered "not found". Internal notes are never in it: this is the patient's record as
 * the patient's side sees it. Each conversation read is audited ({@code fhir.read}). The patient's
 * visit requests come too, as {@code ServiceRequest} and {@code Appointment} ({@link VisitResources}).
 */
@Service
public class PatientBundles {

    private final SystemConversations conversations;
    private final VisitRequests visitRequests;
    private final VisitExports visits;
    private final FhirJson json;
    private final Clock clock;

    PatientBundles(SystemConversations conversations, VisitRequests visitRequests, VisitExports visits, FhirJson json,
            Clock clock) {
        this.conversations = conversations;
        this.visitRequests = visitRequests;
        this.visits = visits;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The bundle as FHIR JSON.
     *
     * @param fhirBase the address resources are named under (the {@code fullUrl}s' base)
     * @param appBase  the application's address, for attachment links
     */
    public String bundle(Actor actor, PatientId patient, String fhirBase, String appBase) {
        boolean withConfidential;
        if (actor.isStaff()) {
            withConfidential = true;
        } else {
            var acting = actor.actingFor(patient).orElseThrow(NotFoundException::new);
            withConfidential = acting.sees(true);
        }
        List<ExportedConversation> exported = conversations.exportOfPatient(actor.practiceId(), patient,
                withConfidential, actor, AuditAction.FHIR_READ.code());
        List<Resource> resources = new ArrayList<>(new FhirResources(appBase + "/api/v1/attachments/").of(exported));
        // The patient's visit requests, as scheduling lets this reader see them (a proxy not those of
        // a confidential conversation, the same rule as above); audited there as visit_requests.listed.
        List<VisitRequest> requests = visitRequests.ofPatient(actor, patient);
        if (!requests.isEmpty()) {
            Map<ConversationId, VisitExports.ConversationLink> links = new HashMap<>();
            exported.forEach(c -> links.put(c.id(), VisitExports.ConversationLink.of(c)));
            Set<String> known = new HashSet<>();
            resources.forEach(r -> known.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));
            resources.addAll(visits.of(actor.practiceId(), requests, links, known));
        }
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setIdentifier(new Identifier().setSystem(FhirResources.URN_SYSTEM).setValue("urn:uuid:" + bundle.getId()));
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(clock.instant()));
        for (Resource r : resources) {
            bundle.addEntry().setFullUrl(fhirBase + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
                    .setResource(r);
        }
        return json.write(bundle, true);
    }
}
