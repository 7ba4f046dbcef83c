package io.bedside.fhir.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.ExportedConversation;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.scheduling.VisitRequest;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Visit requests in an export: the practice's clock and the names the mapping needs around
 * {@link VisitResources}, and how a request links to its conversation. The requests themselves are
 * read by the caller through scheduling's audited API ({@code scheduling.VisitRequests}).
 */
@Component
class VisitExports {

    private final Practices practices;
    private final StaffDirectory staff;

    VisitExports(Practices practices, StaffDirectory staff) {
        this.practices = practices;
        this.staff = staff;
    }

    /**
     * What an export knows of a conversation when it maps a visit request made from it: the id of its
     * first exported message (null when it has none), whether it has a CommunicationRequest, its team's name.
     */
    record ConversationLink(String firstMessageId, boolean request, String teamName) {

        static ConversationLink of(ExportedConversation c) {
            return new ConversationLink(c.messages().isEmpty() ? null : c.messages().get(0).id().toString(),
                    FhirResources.REQUEST_KINDS.contains(c.kind()), c.careTeamName());
        }

        @Override
        public String toString() {
            return "ConversationLink";
        }
    }

    /**
     * The resources of these requests: each request's ServiceRequest (and Appointment), preceded by a
     * Practitioner for each requester not already named in {@code known} ({@code Practitioner/{id}}
     * keys, added to as this writes them).
     */
    List<Resource> of(PracticeId practice, List<VisitRequest> requests, Map<ConversationId, ConversationLink> links,
            Set<String> known) {
        if (requests.isEmpty()) {
            return List.of();
        }
        ZoneId zone = practices.find(practice).map(Practice::timeZone).orElse(ZoneId.of("UTC"));
        Collection<UserId> ids = new LinkedHashSet<>(requests.stream().map(VisitRequest::requestedBy).toList());
        Map<UserId, StaffMember> names = staff.findAll(practice, ids);
        List<Resource> people = new ArrayList<>();
        List<Resource> rest = new ArrayList<>();
        for (VisitRequest v : requests) {
            StaffMember requester = names.get(v.requestedBy());
            String requesterName = requester == null ? null : requester.displayName();
            if (known.add("Practitioner/" + v.requestedBy())) {
                Practitioner p = new Practitioner();
                p.setId(v.requestedBy().toString());
                if (requesterName != null) {
                    p.addName(new HumanName().setText(requesterName));
                }
                people.add(p);
            }
            ConversationLink link = links.get(v.conversationId());
            rest.addAll(VisitResources.of(v, zone, link == null ? null : link.teamName(), requesterName,
                    conversation(v.conversationId(), link)));
        }
        people.addAll(rest);
        return people;
    }

    /**
     * The conversation a request came from, the way the rest of the export names it: its first
     * message ({@code Communication}, from which the thread chains by {@code inResponseTo}), or for a
     * structured request its {@code CommunicationRequest} (whose id is the conversation's); when neither
     * was exported, a logical reference by the conversation's URN (the identifier a
     * CommunicationRequest carries).
     */
    static Reference conversation(ConversationId id, ConversationLink link) {
        if (link != null && link.request()) {
            return new Reference("CommunicationRequest/" + id).setDisplay("Conversation");
        }
        if (link != null && link.firstMessageId() != null) {
            return new Reference("Communication/" + link.firstMessageId()).setDisplay("Conversation");
        }
        return new Reference().setIdentifier(new Identifier().setSystem(FhirResources.URN_SYSTEM)
                .setValue("urn:uuid:" + id)).setDisplay("Conversation");
    }
}
