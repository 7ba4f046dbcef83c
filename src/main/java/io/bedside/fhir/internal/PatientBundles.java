package io.bedside.fhir.internal;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;

import io.bedside.audit.AuditAction;
import io.bedside.messaging.system.ExportedConversation;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;

/**
 * One patient's conversations as a FHIR R4 {@code Bundle} of type collection. Who may ask: any
 * member of the practice's staff (every conversation, confidential ones too), and on the patient's
 * side an account for its own record or for a record it is a proxy for (then without the
 * conversations kept confidential from family), as messaging decides for its own pages. Anyone
 * else is answered "not found". Internal notes are never in it: this is the patient's record as
 * the patient's side sees it. Each conversation read is audited ({@code fhir.read}).
 */
@Service
public class PatientBundles {

    private final SystemConversations conversations;
    private final FhirJson json;
    private final Clock clock;

    PatientBundles(SystemConversations conversations, FhirJson json, Clock clock) {
        this.conversations = conversations;
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
        List<Resource> resources = new FhirResources(appBase + "/api/v1/attachments/").of(exported);
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
