package io.bedside.messaging.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.bedside.identity.UserProfile;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.Patients;
import io.bedside.messaging.QuickReplies;
import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.messaging.internal.ConversationKind;
import io.bedside.messaging.internal.Confidentiality;
import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.Drafts;
import io.bedside.messaging.internal.NewConversation;
import io.bedside.messaging.internal.RequestDetails;
import io.bedside.patient.Patient;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/**
 * A new message: the form (with the patient's draft, or for staff the patient they chose), a
 * quick-reply template put into it, and starting the conversation. Works without JavaScript.
 */
@Controller
@WebPage
class ComposePages {

    /** The new-message form as typed, kept when it comes back with errors. */
    static class ComposeForm {
        public String careTeamId;
        public String patientId;
        public String providerId;
        public String kind;
        public String subject;
        public String body;
        public String idempotencyKey;
        public String confidential;
        public String confidentialShown;
        public Map<String, String> details = new LinkedHashMap<>();

        public void setConfidential(String v) { confidential = v; }
        public void setConfidentialShown(String v) { confidentialShown = v; }

        /** The adolescent's choice when the page offered it; otherwise the default decides. */
        Boolean confidentialChoice() {
            return "true".equals(confidentialShown) ? Boolean.valueOf("true".equals(confidential)) : null;
        }

        public void setCareTeamId(String v) { careTeamId = v; }
        public void setPatientId(String v) { patientId = v; }
        public void setProviderId(String v) { providerId = v; }
        public void setKind(String v) { kind = v; }
        public void setSubject(String v) { subject = v; }
        public void setBody(String v) { body = v; }
        public void setIdempotencyKey(String v) { idempotencyKey = v; }
        public Map<String, String> getDetails() { return details; }
        public void setDetails(Map<String, String> v) { details = v; }

        @Override
        public String toString() {
            return "ComposeForm[" + kind + "]";
        }
    }

    private static final List<ConversationKind> PATIENT_KINDS = Arrays.stream(ConversationKind.values())
            .filter(k -> k != ConversationKind.CAMPAIGN).toList();

    private final Confidentiality confidentiality;
    private final Patients patientNames;
    private final ConversationStarts starts;
    private final Drafts drafts;
    private final CareTeams careTeams;
    private final PatientDirectory patients;
    private final ObjectProvider<QuickReplies> quickReplies;
    private final ThreadModel thread;
    private final MessageSource messages;

    ComposePages(Confidentiality confidentiality, Patients patientNames, ConversationStarts starts, Drafts drafts, CareTeams careTeams, PatientDirectory patients,
            ObjectProvider<QuickReplies> quickReplies, ThreadModel thread, MessageSource messages) {
        this.confidentiality = confidentiality;
        this.patientNames = patientNames;
        this.starts = starts;
        this.drafts = drafts;
        this.careTeams = careTeams;
        this.patients = patients;
        this.quickReplies = quickReplies;
        this.thread = thread;
        this.messages = messages;
    }

    @GetMapping("/app/conversations/new")
    String compose(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String team, @RequestParam(required = false) String patient,
            Model model) {
        ComposeForm form = new ComposeForm();
        if (actor.isStaff()) {
            if (patient == null || patient.isBlank()) {
                // Staff write to a patient: first find them.
                return "redirect:/app/patients";
            }
            form.patientId = patients.patient(actor, PatientId.parse(patient)).id().value().toString();
        }
        Map<String, String> draft = actor.isStaff() ? Map.of() : drafts.load(actor, Drafts.NEW_CONVERSATION);
        form.careTeamId = team != null ? team : draft.get("careTeamId");
        form.providerId = draft.get("providerId");
        form.subject = draft.get("subject");
        form.body = draft.get("body");
        draft.forEach((k, v) -> {
            if (k.startsWith("details[") && k.endsWith("]")) {
                form.details.put(k.substring(8, k.length() - 1), v);
            }
        });
        String chosen = kind != null ? kind : draft.getOrDefault("kind", ConversationKind.QUESTION.code());
        ConversationKind chosenKind = ConversationKind.fromCode(chosen);
        if (chosenKind == ConversationKind.REFILL && !form.details.containsKey("pharmacy")) {
            // The pharmacy of the patient's last refill, so they need not type it again.
            String pharmacy = starts.lastRequestDetails(actor, ConversationKind.REFILL).get("pharmacy");
            if (pharmacy != null) {
                form.details.put("pharmacy", pharmacy);
            }
        }
        composeInto(actor, chosenKind, form, Map.of(), model);
        return "messaging/compose";
    }

    /**
     * Staff writing to a patient put a quick-reply template, filled in for this patient, into the
     * message. Nothing is sent; with scripts off the whole form comes back with the text added.
     */
    @PostMapping("/app/conversations/new/quick-reply")
    String composeQuickReply(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") ComposeForm form,
            @RequestParam(required = false) String template, Model model) {
        actor.requireStaff();
        ConversationKind kind = form.kind == null ? ConversationKind.QUESTION : ConversationKind.fromCode(form.kind);
        QuickReplies source = quickReplies.getIfAvailable();
        var chosen = source == null || template == null || template.isBlank()
                ? Optional.<QuickReplies.QuickReply>empty() : source.find(actor, Ids.parseField("template", template));
        if (chosen.isPresent() && form.patientId != null) {
            Patient patient = patients.patient(actor, PatientId.of(Ids.parseField("patientId", form.patientId)));
            UserProfile me = ThreadModel.signedIn(model);
            String team = form.careTeamId == null || form.careTeamId.isBlank() ? ""
                    : careTeams.findInPractice(actor.practiceId(),
                            CareTeamId.of(Ids.parseField("careTeamId", form.careTeamId)))
                            .map(CareTeam::name).orElse("");
            String filled = ReplyPlaceholders.fill(chosen.get().body(), ReplyPlaceholders.values(
                    patient.givenName(), patient.familyName(), me.practiceName(), team, me.displayName()));
            String before = form.body == null ? "" : form.body.stripTrailing();
            form.body = before.isEmpty() ? filled : before + "\n\n" + filled;
        }
        composeInto(actor, kind, form, Map.of(), model);
        return "messaging/compose";
    }

    @PostMapping("/app/conversations")
    String start(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") ComposeForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response, Locale locale) throws IOException {
        ConversationKind kind = ConversationKind.QUESTION;
        try {
            kind = form.kind == null ? ConversationKind.QUESTION : ConversationKind.fromCode(form.kind);
            String subject = form.subject;
            if ((subject == null || subject.isBlank()) && RequestDetails.subjectOptional(kind)) {
                // Made from the request in the writer's own language ("Receta: metformina").
                subject = RequestDetails.subjectFor(kind, form.details, form.body,
                        messages.getMessage("subject.made." + kind.code(), null, locale));
            }
            var started = starts.start(actor, new NewConversation(
                    form.careTeamId == null || form.careTeamId.isBlank() ? null
                            : CareTeamId.of(Ids.parseField("careTeamId", form.careTeamId)), subject,
                    form.body, kind,
                    form.providerId == null || form.providerId.isBlank() ? null
                            : UserId.of(Ids.parseField("providerId", form.providerId)),
                    form.patientId == null || form.patientId.isBlank() ? null
                            : PatientId.of(Ids.parseField("patientId", form.patientId)), form.details,
                    Uploads.attached(files), form.confidentialChoice()));
            if (actor.isPatient()) {
                drafts.discard(actor, Drafts.NEW_CONVERSATION);
            }
            return "redirect:/app/conversations/" + started.conversation().id();
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            composeInto(actor, kind, form, Map.of(e.field(), e.getMessage()), model);
            return "messaging/compose";
        }
    }

    private void composeInto(Actor actor, ConversationKind kind, ComposeForm form, Map<String, String> errors,
            Model model) {
        var teams = actor.isStaff() ? careTeams.inPractice(actor.practiceId()) : careTeams.visibleTo(actor);
        if (actor.isStaff() && form.patientId != null) {
            model.addAttribute("patient", patients.patient(actor,
                    PatientId.of(Ids.parseField("patientId", form.patientId))));
            if (form.careTeamId == null) {
                var mine = careTeams.visibleTo(actor);
                form.careTeamId = mine.isEmpty() ? null : mine.get(0).id().value().toString();
            }
        }
        if (form.careTeamId == null && teams.size() == 1) {
            form.careTeamId = teams.get(0).id().value().toString();
        }
        // A billing question goes to the team the practice named for billing, if it named one.
        CareTeam billing = kind == ConversationKind.BILLING
                ? careTeams.billingTeam(actor.practiceId()).orElse(null) : null;
        if (billing != null) {
            form.careTeamId = billing.id().value().toString();
        }
        model.addAttribute("billingTeam", billing);
        if (actor.isPatient()) {
            // A teenager is offered privacy from their parents (on by default); a parent is told whom
            // they are writing for.
            model.addAttribute("confidentialOffered", !actor.isProxy()
                    && confidentiality.inConfidentialAges(actor.practiceId(), actor.patientId()));
            if (actor.isProxy()) {
                model.addAttribute("writingFor", patientNames.displayName(actor.practiceId(), actor.patientId())
                        .orElse(""));
            }
        }
        model.addAttribute("subjectOptional", RequestDetails.subjectOptional(kind));
        model.addAttribute("quickReplies", actor.isStaff() ? thread.quickReplies(actor) : List.of());
        model.addAttribute("urgentPhrases", thread.urgentPhrases(actor));
        if (form.idempotencyKey == null) {
            form.idempotencyKey = UUID.randomUUID().toString();
        }
        model.addAttribute("form", form);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", actor.isPatient() ? PATIENT_KINDS : List.of(ConversationKind.values()));
        model.addAttribute("fields", RequestDetails.fieldsOf(kind));
        model.addAttribute("teams", teams);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", form.idempotencyKey);
    }
}
