package io.bedside.messaging.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.bedside.identity.UserProfile;
import io.bedside.messaging.AnswerPromises;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.patient.PatientDirectory;
import io.bedside.messaging.Priority;
import io.bedside.messaging.QuickReplies;
import io.bedside.messaging.ThreadCards;
import io.bedside.messaging.TriggerPhrases;
import tools.jackson.databind.json.JsonMapper;
import io.bedside.messaging.internal.Confidentiality;
import io.bedside.messaging.internal.ConversationDetails;
import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.ConversationReads;
import io.bedside.messaging.internal.ConversationView;
import io.bedside.messaging.internal.FollowUps;
import io.bedside.messaging.internal.MessageView;
import io.bedside.messaging.internal.PatientCalls;
import io.bedside.messaging.internal.ReadReceipt;
import io.bedside.messaging.internal.ReadReceipts;
import io.bedside.messaging.internal.StatusLines;
import io.bedside.patient.Patient;
import io.bedside.patient.Patients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;

/**
 * What the page of one conversation shows, shared by the controllers that render it (the thread,
 * its triage panel, a reply or a call that came back with an error): the thread, and for staff the
 * patient, the triage tools and what is due.
 */
@Component
class ThreadModel {

    private final ConversationReads reads;
    private final ReadReceipts receipts;
    private final ConversationLists lists;
    private final PatientCalls calls;
    private final PatientDirectory patients;
    private final Patients patientRecords;
    private final CareTeams careTeams;
    private final ObjectProvider<QuickReplies> quickReplies;
    private final ObjectProvider<AnswerPromises> promises;
    private final ObjectProvider<TriggerPhrases> triggerPhrases;

    private final Confidentiality confidentiality;
    private final JsonMapper json;
    private final StatusLines statusLines;
    private final ObjectProvider<ThreadCards> cards;

    private final FollowUps followUps;

    ThreadModel(FollowUps followUps, Confidentiality confidentiality, ConversationReads reads, ReadReceipts receipts, ConversationLists lists, PatientCalls calls,
            PatientDirectory patients, Patients patientRecords, CareTeams careTeams,
            ObjectProvider<QuickReplies> quickReplies, ObjectProvider<AnswerPromises> promises,
            ObjectProvider<TriggerPhrases> triggerPhrases, JsonMapper json, StatusLines statusLines,
            ObjectProvider<ThreadCards> cards) {
        this.cards = cards;
        this.json = json;
        this.followUps = followUps;
        this.statusLines = statusLines;
        this.confidentiality = confidentiality;
        this.reads = reads;
        this.receipts = receipts;
        this.lists = lists;
        this.calls = calls;
        this.patients = patients;
        this.patientRecords = patientRecords;
        this.careTeams = careTeams;
        this.quickReplies = quickReplies;
        this.promises = promises;
        this.triggerPhrases = triggerPhrases;
    }

    /** A piece of a message's text, marked when it holds words that raised the urgent flag. */
    record Segment(String text, boolean marked) {
        @Override
        public String toString() {
            return "Segment";
        }
    }

    /** Loads the conversation and its messages, and marks them read: opening it is reading it. */
    void threadInto(Actor actor, ConversationId id, Model model) {
        UserProfile me = signedIn(model);
        ConversationDetails details = reads.get(actor, id);
        List<MessageView> messages = reads.messages(actor, id, 0, 200);
        long last = details.conversation().lastSeq();
        if (last > 0) {
            receipts.markRead(actor, id, last);
        }
        long myLast = messages.stream().filter(m -> m.author().id().equals(me.id().value()))
                .mapToLong(MessageView::seq).max().orElse(last);
        List<ReadReceipt> readBy = details.participants().stream()
                .filter(r -> !r.userId().equals(me.id()) && r.readAt() != null && r.lastReadSeq() >= myLast)
                .toList();
        model.addAttribute("conversation", details.conversation());
        model.addAttribute("messages", messages);
        model.addAttribute("readBy", readBy);
        model.addAttribute("highlights", highlights(actor, details.conversation(), messages));
        var promiseSource = promises.getIfAvailable();
        model.addAttribute("promise", promiseSource == null ? null
                : promiseSource.of(actor.practiceId(), List.of(id)).get(id));
        if (!actor.isStaff()) {
            model.addAttribute("statusLine", statusLines.of(actor.practiceId(), details.conversation()));
        }
        // Other modules' cards (a visit request), for a reader already allowed to see the conversation.
        model.addAttribute("cards", cards.orderedStream().flatMap(c -> c.of(actor, id).stream()).toList());
    }

    /**
     * The patient's status line alone (for its live refresh): the conversation as the reader may see
     * it (audited as a view) and how far it has got. Marks nothing read.
     */
    void statusInto(Actor actor, ConversationId id, Model model) {
        ConversationView conversation = reads.get(actor, id).conversation();
        model.addAttribute("conversation", conversation);
        model.addAttribute("statusLine", statusLines.of(actor.practiceId(), conversation));
    }

    /**
     * The practice's urgent phrases as a JSON array, for the check a patient's (or proxy's) browser
     * makes while they type (static/js/urgent-typing.js); null for staff, or without the workflow
     * module. Phrases only, no PHI.
     */
    String urgentPhrases(Actor actor) {
        TriggerPhrases phrases = triggerPhrases.getIfAvailable();
        if (actor.isStaff() || phrases == null) {
            return null;
        }
        return json.writeValueAsString(phrases.of(actor.practiceId()));
    }

    /** Patients see the conversation as a chat; staff see it with the patient and the triage tools. */
    String page(Actor actor, Model model) {
        if (!actor.isStaff()) {
            ConversationView conversation = (ConversationView) model.getAttribute("conversation");
            // The emergency card says where the nurse may call: the patient's own number, shown to
            // them only (a proxy reading a child's conversation is not shown the child's number).
            if (conversation.priority() == Priority.URGENT && !actor.isProxy()
                    && actor.patientId().value().equals(conversation.patient().id())) {
                model.addAttribute("ownPhone", patientRecords.contact(actor.practiceId(), actor.patientId())
                        .map(Patients.Contact::phone).filter(p -> !p.isBlank()).orElse(null));
            }
            // The patient themselves may share a private question with their family, or keep one
            // private; a proxy never sees the choice (nor a private conversation at all).
            PatientId patient = PatientId.of(conversation.patient().id());
            boolean self = actor.actingFor(patient).filter(f -> f.isSelf()).isPresent();
            model.addAttribute("privacyChoice", self && (conversation.confidential()
                    || confidentiality.inConfidentialAges(actor.practiceId(), patient)));
            model.addAttribute("urgentPhrases", urgentPhrases(actor));
            return "messaging/conversation";
        }
        staffInto(actor, (ConversationView) model.getAttribute("conversation"), model);
        return "messaging/staff-conversation";
    }

    private void staffInto(Actor actor, ConversationView conversation, Model model) {
        Patient patient = patients.patient(actor, PatientId.of(conversation.patient().id()));
        model.addAttribute("patient", patient);
        model.addAttribute("others", lists.ofPatient(actor, patient.id()).stream()
                .filter(c -> !c.id().equals(conversation.id())).toList());
        model.addAttribute("quickReplies", quickReplies(actor));
        model.addAttribute("calls", calls.of(actor, conversation.id()));
        triageInto(actor, conversation, model);
        followUpInto(actor, conversation, model);
    }

    /** The follow-up card: the first day a snooze may run to. */
    @SuppressWarnings("unchecked")
    private void followUpInto(Actor actor, ConversationView conversation, Model model) {
        model.addAttribute("followUpTomorrow", followUps.today(actor).plusDays(1).toString());
        model.addAttribute("otherTeams", careTeams.inPractice(actor.practiceId()).stream()
                .filter(t -> !t.id().equals(conversation.careTeam().id())).toList());
        // The patient's other conversations that may be kept in this one's place: none closed as a duplicate.
        List<ConversationView> others = (List<ConversationView>) model.getAttribute("others");
        model.addAttribute("mergeTargets", others == null ? List.of()
                : others.stream().filter(c -> c.mergedInto() == null).toList());
        model.addAttribute("mergedFrom", others == null ? List.of()
                : others.stream().filter(c -> conversation.id().equals(c.mergedInto())).toList());
    }

    /** The quick-reply templates the reader may use; none without the workflow module. */
    List<QuickReplies.QuickReply> quickReplies(Actor actor) {
        QuickReplies source = quickReplies.getIfAvailable();
        return source == null ? List.of() : source.availableTo(actor);
    }

    /** The due banner alone (urgent flag, calls, answer promise), for live refreshes and after triage. */
    void dueInto(Actor actor, ConversationView conversation, Model model) {
        model.addAttribute("conversation", conversation);
        model.addAttribute("patient", patients.patient(actor, PatientId.of(conversation.patient().id())));
        model.addAttribute("calls", calls.of(actor, conversation.id()));
        var promiseSource = promises.getIfAvailable();
        model.addAttribute("promise", promiseSource == null ? null
                : promiseSource.of(actor.practiceId(), List.of(conversation.id())).get(conversation.id()));
    }

    void triageInto(Actor actor, ConversationView conversation, Model model) {
        List<StaffMember> teammates = new ArrayList<>(careTeams
                .findInPractice(actor.practiceId(), conversation.careTeam().id())
                .map(CareTeam::members).orElse(List.of()));
        model.addAttribute("conversation", conversation);
        model.addAttribute("teammates", teammates);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("assignedToMe", conversation.assignee() != null
                && conversation.assignee().id().equals(actor.userId().value()));
    }

    /**
     * For the care team of an urgent conversation: the patient's messages cut into pieces, the
     * words that raised the flag marked, found by the same matching as the urgent check. Staff
     * only (the patient sees their words as written); never logged.
     */
    private Map<String, List<Segment>> highlights(Actor actor, ConversationView conversation,
            List<MessageView> messages) {
        TriggerPhrases phrases = triggerPhrases.getIfAvailable();
        Map<String, List<Segment>> result = new HashMap<>();
        if (!actor.isStaff() || phrases == null || conversation.priority() != Priority.URGENT) {
            return result;
        }
        for (MessageView m : messages) {
            if (m.internal() || !"patient".equals(m.author().role()) || m.body().isEmpty()) {
                continue;
            }
            List<TriggerPhrases.Span> spans = phrases.in(actor.practiceId(), m.body());
            if (spans.isEmpty()) {
                continue;
            }
            List<Segment> segments = new ArrayList<>();
            int at = 0;
            for (TriggerPhrases.Span span : spans) {
                if (span.start() > at) {
                    segments.add(new Segment(m.body().substring(at, span.start()), false));
                }
                segments.add(new Segment(m.body().substring(span.start(), span.end()), true));
                at = span.end();
            }
            if (at < m.body().length()) {
                segments.add(new Segment(m.body().substring(at), false));
            }
            result.put(m.id().value().toString(), segments);
        }
        return result;
    }

    /** The reader's profile, which {@code SignedInUserAdvice} puts in every page's model (with the zone). */
    static UserProfile signedIn(Model model) {
        return (UserProfile) model.getAttribute("me");
    }
}
