package io.bedside.messaging.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.UserProfile;
import io.bedside.messaging.ConversationDetails;
import io.bedside.messaging.ConversationChange;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.ConversationView;
import io.bedside.patient.PatientDirectory;
import io.bedside.messaging.QuickReplies;
import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.messaging.PatientCall;
import io.bedside.messaging.PatientCalls;
import io.bedside.messaging.Priority;
import io.bedside.messaging.TriggerPhrases;
import io.bedside.patient.Patient;
import io.bedside.patient.Patients;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import io.bedside.practice.CareTeam;
import io.bedside.shared.PatientId;
import io.bedside.messaging.ConversationKind;
import io.bedside.messaging.ConversationPage;
import io.bedside.messaging.Drafts;
import io.bedside.messaging.Conversations;
import io.bedside.messaging.MessageView;
import io.bedside.messaging.NewAttachment;
import io.bedside.messaging.NewConversation;
import io.bedside.messaging.ReadReceipt;
import io.bedside.messaging.RequestDetails;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/**
 * The conversation pages of the browser app: the list, a new message, a conversation as a chat.
 * They work without JavaScript (plain forms, redirect after post); with it, htmx swaps the thread
 * in place and live events refresh it. Everything goes through {@link Conversations}, so access,
 * audit and encryption are the API's.
 */
@Controller
@WebPage
class ConversationPages {

    /** The new-message form as typed, kept when it comes back with errors. */
    static class ComposeForm {
        public String careTeamId;
        public String patientId;
        public String providerId;
        public String kind;
        public String subject;
        public String body;
        public String idempotencyKey;
        public Map<String, String> details = new LinkedHashMap<>();

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

    private final Conversations conversations;
    private final Drafts drafts;
    private final TranscriptPdf pdf;
    private final CareTeams careTeams;
    private final Practices practices;
    private final PatientDirectory patients;
    private final ObjectProvider<QuickReplies> quickReplies;
    private final ObjectProvider<io.bedside.messaging.AnswerPromises> promises;
    private final ObjectProvider<TriggerPhrases> triggerPhrases;
    private final PatientCalls calls;
    private final Patients patientRecords;
    private final java.time.Clock clock;
    private final Patients roster;
    private final MessageSource messages;

    ConversationPages(Conversations conversations, Drafts drafts, TranscriptPdf pdf, CareTeams careTeams,
            Practices practices, PatientDirectory patients, ObjectProvider<QuickReplies> quickReplies,
            ObjectProvider<io.bedside.messaging.AnswerPromises> promises, ObjectProvider<TriggerPhrases> triggerPhrases,
            PatientCalls calls, java.time.Clock clock, Patients roster, MessageSource messages) {
        this.roster = roster;
        this.messages = messages;
        this.promises = promises;
        this.triggerPhrases = triggerPhrases;
        this.calls = calls;
        this.patientRecords = roster;
        this.clock = clock;
        this.conversations = conversations;
        this.pdf = pdf;
        this.drafts = drafts;
        this.careTeams = careTeams;
        this.practices = practices;
        this.patients = patients;
        this.quickReplies = quickReplies;
    }

    // ------------------------------------------------------------ list

    @GetMapping("/app/conversations")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String cursor, Model model) {
        listInto(actor, cursor, model);
        @SuppressWarnings("unchecked")
        List<ConversationView> shown = (List<ConversationView>) model.getAttribute("conversations");
        var teams = ownTeamFirst(actor, careTeams.visibleTo(actor), shown);
        model.addAttribute("teams", teams);
        // Outside office hours, each team's card says when it opens again.
        java.time.Instant now = clock.instant();
        Map<CareTeamId, java.time.Instant> opens = new java.util.HashMap<>();
        for (var team : teams) {
            var hours = careTeams.officeHours(actor.practiceId(), team.id());
            if (!hours.isOpen(now)) {
                opens.put(team.id(), hours.nextOpening(now));
            }
        }
        model.addAttribute("opens", opens);
        return "messaging/list";
    }

    /**
     * The patient's own physician's team leads the cards; without a recorded physician, the team of
     * their latest conversation does. The others keep their order (by name).
     */
    private List<CareTeam> ownTeamFirst(Actor actor, List<CareTeam> teams, List<ConversationView> latest) {
        if (!actor.isPatient() || teams.size() < 2) {
            return teams;
        }
        var physician = roster.primaryProvider(actor.practiceId(), actor.patientId());
        java.util.function.Predicate<CareTeam> own = physician.isPresent()
                ? t -> t.hasMember(physician.get())
                : t -> !latest.isEmpty() && latest.get(0).careTeam().id().equals(t.id().value());
        List<CareTeam> ordered = new ArrayList<>(teams);
        ordered.sort(Comparator.comparing(t -> own.test(t) ? 0 : 1));
        return ordered;
    }

    @GetMapping("/app/conversations/fragment")
    String listFragment(@AuthenticationPrincipal Actor actor, Model model) {
        listInto(actor, null, model);
        return "messaging/list :: conversations";
    }

    /**
     * The reader's conversations as the home screen leads with them: those with unread replies
     * first, then what they are still writing (the new message, and replies being written), then
     * the rest, each group newest first.
     */
    private void listInto(Actor actor, String cursor, Model model) {
        ConversationPage page = conversations.list(actor, null, cursor, 20);
        Set<String> draftPlaces = actor.isPatient() ? drafts.places(actor) : Set.of();
        List<ConversationView> ordered = new ArrayList<>(page.items());
        ordered.sort(Comparator.comparing(c -> c.unreadCount() > 0 ? 0
                : draftPlaces.contains(c.id().toString()) ? 1 : 2));
        model.addAttribute("conversations", ordered);
        model.addAttribute("draftPlaces", draftPlaces);
        model.addAttribute("unreadConversations", ordered.stream().filter(c -> c.unreadCount() > 0).count());
        model.addAttribute("unreadReplies", ordered.stream().mapToLong(ConversationView::unreadCount).sum());
        model.addAttribute("newDraft", cursor == null && draftPlaces.contains(Drafts.NEW_CONVERSATION)
                ? draftTitle(drafts.load(actor, Drafts.NEW_CONVERSATION)) : null);
        model.addAttribute("nextCursor", page.nextCursor());
    }

    /** How the new-message draft is named on the home screen: its subject, or the start of its text. */
    private static String draftTitle(Map<String, String> draft) {
        String subject = draft.getOrDefault("subject", "").strip();
        if (!subject.isEmpty()) {
            return subject;
        }
        String body = draft.getOrDefault("body", "").strip().replaceAll("\\s+", " ");
        return body.length() > 60 ? body.substring(0, 60) + "…" : body;
    }

    // ------------------------------------------------------------ new message

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
            String pharmacy = conversations.lastRequestDetails(actor, ConversationKind.REFILL).get("pharmacy");
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
        requireStaff(actor);
        ConversationKind kind = form.kind == null ? ConversationKind.QUESTION : ConversationKind.fromCode(form.kind);
        QuickReplies source = quickReplies.getIfAvailable();
        var chosen = source == null || template == null || template.isBlank()
                ? java.util.Optional.<QuickReplies.QuickReply>empty() : source.find(actor, uuid("template", template));
        if (chosen.isPresent() && form.patientId != null) {
            Patient patient = patients.patient(actor, PatientId.of(uuid("patientId", form.patientId)));
            UserProfile me = signedIn(model);
            String team = form.careTeamId == null || form.careTeamId.isBlank() ? ""
                    : careTeams.findInPractice(actor.practiceId(), CareTeamId.of(uuid("careTeamId", form.careTeamId)))
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
            HttpServletResponse response, Locale locale) throws java.io.IOException {
        ConversationKind kind = ConversationKind.QUESTION;
        try {
            kind = form.kind == null ? ConversationKind.QUESTION : ConversationKind.fromCode(form.kind);
            String subject = form.subject;
            if ((subject == null || subject.isBlank()) && RequestDetails.subjectOptional(kind)) {
                // Made from the request in the writer's own language ("Receta: metformina").
                subject = RequestDetails.subjectFor(kind, form.details, form.body,
                        messages.getMessage("subject.made." + kind.code(), null, locale));
            }
            var started = conversations.start(actor, new NewConversation(
                    form.careTeamId == null || form.careTeamId.isBlank() ? null
                            : CareTeamId.of(uuid("careTeamId", form.careTeamId)), subject,
                    form.body, kind,
                    form.providerId == null || form.providerId.isBlank() ? null
                            : UserId.of(uuid("providerId", form.providerId)),
                    form.patientId == null || form.patientId.isBlank() ? null
                            : PatientId.of(uuid("patientId", form.patientId)), form.details, attached(files)));
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
            model.addAttribute("patient", patients.patient(actor, PatientId.of(uuid("patientId", form.patientId))));
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
        model.addAttribute("subjectOptional", RequestDetails.subjectOptional(kind));
        model.addAttribute("quickReplies", !actor.isStaff() || quickReplies.getIfAvailable() == null ? List.of()
                : quickReplies.getObject().availableTo(actor));
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

    // ------------------------------------------------------------ one conversation

    /**
     * Saves what is being typed: called by the page as the reader types (htmx), or by the "Save
     * draft" button when scripts are off. {@code scope} is "new" or a conversation id.
     */
    @PostMapping("/app/drafts/{scope}")
    Object saveDraft(@AuthenticationPrincipal Actor actor, @PathVariable String scope,
            @RequestParam Map<String, String> fields,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Map<String, String> kept = new LinkedHashMap<>(fields);
        kept.keySet().removeIf(k -> k.equals("_csrf") || k.equals("idempotencyKey") || k.equals("files"));
        drafts.save(actor, scope, kept);
        if (htmx != null) {
            return org.springframework.http.ResponseEntity.noContent().build();
        }
        return Drafts.NEW_CONVERSATION.equals(scope)
                ? "redirect:/app/conversations/new?saved" : "redirect:/app/conversations/" + scope + "?saved";
    }

    @GetMapping("/app/conversations/{id}")
    String conversation(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        threadInto(actor, ConversationId.parse(id), model);
        if (actor.isPatient()) {
            // Opening it read it: the header's count says so on this very page.
            model.addAttribute("unreadTotal", conversations.unreadTotal(actor));
        }
        Map<String, String> draft = drafts.load(actor, id);
        model.addAttribute("draft", draft.getOrDefault("body", ""));
        model.addAttribute("draftInternal", "true".equals(draft.get("internal")));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return page(actor, model);
    }

    /** Patients see the conversation as a chat; staff see it with the patient and the triage tools. */
    private String page(Actor actor, Model model) {
        if (!actor.isStaff()) {
            ConversationView conversation = (ConversationView) model.getAttribute("conversation");
            // The emergency card says where the nurse may call: the patient's own number, shown to
            // them only (a proxy reading a child's conversation is not shown the child's number).
            if (conversation.priority() == Priority.URGENT && actor.patientId() != null
                    && actor.patientId().value().equals(conversation.patient().id())) {
                model.addAttribute("ownPhone", patientRecords.contact(actor.practiceId(), actor.patientId())
                        .map(Patients.Contact::phone).filter(p -> !p.isBlank()).orElse(null));
            }
            return "messaging/conversation";
        }
        staffInto(actor, (ConversationView) model.getAttribute("conversation"), model);
        return "messaging/staff-conversation";
    }

    private void staffInto(Actor actor, ConversationView conversation, Model model) {
        Patient patient = patients.patient(actor, PatientId.of(conversation.patient().id()));
        model.addAttribute("patient", patient);
        model.addAttribute("others", conversations.ofPatient(actor, patient.id()).stream()
                .filter(c -> !c.id().equals(conversation.id())).toList());
        model.addAttribute("quickReplies", quickReplies.getIfAvailable() == null ? List.of()
                : quickReplies.getObject().availableTo(actor));
        model.addAttribute("calls", calls.of(actor, conversation.id()));
        triageInto(actor, conversation, model);
    }

    /** The due banner alone (urgent flag, calls, answer promise), for live refreshes and after triage. */
    private void dueInto(Actor actor, ConversationView conversation, Model model) {
        model.addAttribute("conversation", conversation);
        model.addAttribute("patient", patients.patient(actor, PatientId.of(conversation.patient().id())));
        model.addAttribute("calls", calls.of(actor, conversation.id()));
        var promiseSource = promises.getIfAvailable();
        model.addAttribute("promise", promiseSource == null ? null
                : promiseSource.of(actor.practiceId(), List.of(conversation.id())).get(conversation.id()));
    }

    @GetMapping("/app/conversations/{id}/due")
    String duePanel(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        ConversationDetails details = conversations.get(actor, ConversationId.parse(id));
        requireStaff(actor);
        dueInto(actor, details.conversation(), model);
        return "messaging/staff-conversation :: due(oob=false)";
    }

    /**
     * "Called the patient", with what came of it (optional). Recorded, audited, shown to the care
     * team only; it meets the urgent target but leaves the flag (see docs/architecture.md).
     */
    @PostMapping("/app/conversations/{id}/calls")
    String called(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            @RequestParam(required = false) String outcome, Model model, HttpServletResponse response) {
        ConversationId conversation = ConversationId.parse(id);
        try {
            calls.record(actor, conversation, outcome);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            threadInto(actor, conversation, model);
            model.addAttribute("callError", e.getMessage());
            model.addAttribute("callOutcome", outcome);
            model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
            model.addAttribute("draft", "");
            model.addAttribute("draftInternal", false);
            return page(actor, model);
        }
        return "redirect:/app/conversations/" + conversation + "?called#due";
    }

    private void triageInto(Actor actor, ConversationView conversation, Model model) {
        List<io.bedside.practice.StaffMember> teammates = new java.util.ArrayList<>(careTeams
                .findInPractice(actor.practiceId(), CareTeamId.of(conversation.careTeam().id()))
                .map(io.bedside.practice.CareTeam::members).orElse(List.of()));
        model.addAttribute("conversation", conversation);
        model.addAttribute("teammates", teammates);
        model.addAttribute("statuses", ConversationStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("assignedToMe", conversation.assignee() != null
                && conversation.assignee().id().equals(actor.userId().value()));
    }

    /** The triage panel alone, for live refreshes when a teammate changes something. */
    @GetMapping("/app/conversations/{id}/triage")
    String triagePanel(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        ConversationDetails details = conversations.get(actor, ConversationId.parse(id));
        requireStaff(actor);
        triageInto(actor, details.conversation(), model);
        return "messaging/staff-conversation :: triage";
    }

    /**
     * Staff set status, priority or assignee. {@code assignee} is a staff id, "me", or empty to
     * unassign; a field left out is left as it is.
     */
    @PostMapping("/app/conversations/{id}/triage")
    String triage(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String undo,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        ConversationId conversation = ConversationId.parse(id);
        // What it was before, for "Undo": each change applies at once, so the last one can be taken back.
        ConversationView before = conversations.get(actor, conversation).conversation();
        UserId assigneeId = null;
        boolean unassign = false;
        if (assignee != null) {
            if (assignee.isBlank()) {
                unassign = true;
            } else {
                assigneeId = "me".equals(assignee) ? actor.userId() : UserId.of(uuid("assignee", assignee));
            }
        }
        ConversationDetails updated = conversations.update(actor, conversation, new ConversationChange(
                status == null || status.isBlank() ? null : ConversationStatus.fromCode(status),
                priority == null || priority.isBlank() ? null : Priority.fromCode(priority), assigneeId, unassign));
        Map<String, String> previous = new LinkedHashMap<>();
        previous.put("status", before.status().code());
        previous.put("priority", before.priority().code());
        previous.put("assignee", before.assignee() == null ? "" : before.assignee().id().toString());
        boolean changed = before.status() != updated.conversation().status()
                || before.priority() != updated.conversation().priority()
                || !java.util.Objects.equals(before.assignee() == null ? null : before.assignee().id(),
                        updated.conversation().assignee() == null ? null : updated.conversation().assignee().id());
        String outcome = undo != null ? "undone" : changed ? "saved" : null;
        if (htmx != null) {
            triageInto(actor, updated.conversation(), model);
            model.addAttribute("triageOutcome", outcome);
            model.addAttribute("undo", "saved".equals(outcome) ? previous : null);
            dueInto(actor, updated.conversation(), model);
            return "messaging/staff-fragments :: triageUpdate";
        }
        redirect.addFlashAttribute("triageOutcome", outcome);
        if ("saved".equals(outcome)) {
            redirect.addFlashAttribute("undo", previous);
        }
        return "redirect:/app/conversations/" + conversation;
    }

    /**
     * Puts a quick-reply template, filled in for this patient, into the reply being written. Nothing
     * is sent: the reader reads it over and sends it themselves.
     */
    @PostMapping("/app/conversations/{id}/quick-reply")
    String quickReply(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            @RequestParam(required = false) String template, @RequestParam(required = false) String body,
            @RequestParam(required = false) String internal,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ConversationId conversation = ConversationId.parse(id);
        ConversationDetails details = conversations.get(actor, conversation);
        requireStaff(actor);
        QuickReplies source = quickReplies.getIfAvailable();
        var chosen = source == null || template == null || template.isBlank() ? java.util.Optional.<QuickReplies.QuickReply>empty()
                : source.find(actor, uuid("template", template));
        Patient patient = patients.patient(actor, PatientId.of(details.conversation().patient().id()));
        UserProfile me = signedIn(model);
        String filled = chosen.map(t -> ReplyPlaceholders.fill(t.body(), ReplyPlaceholders.values(
                patient.givenName(), patient.familyName(), me.practiceName(), details.conversation().careTeam().name(),
                me.displayName()))).orElse("");
        String before = body == null ? "" : body.stripTrailing();
        String text = before.isEmpty() ? filled : filled.isEmpty() ? before : before + "\n\n" + filled;
        model.addAttribute("draft", text);
        model.addAttribute("draftInternal", "true".equals(internal));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (htmx != null) {
            model.addAttribute("conversation", details.conversation());
            model.addAttribute("quickReplies", source == null ? List.of() : source.availableTo(actor));
            return "messaging/staff-conversation :: replyBody";
        }
        threadInto(actor, conversation, model);
        return page(actor, model);
    }

    private static List<NewAttachment> attached(List<MultipartFile> files) throws java.io.IOException {
        List<NewAttachment> attached = new ArrayList<>();
        if (files != null) {
            for (var file : files) {
                if (!file.isEmpty()) {
                    attached.add(new NewAttachment(file.getOriginalFilename(), file.getBytes()));
                }
            }
        }
        return attached;
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw new io.bedside.shared.NotFoundException("Not found.");
        }
    }

    @GetMapping("/app/conversations/{id}/thread")
    String thread(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        threadInto(actor, ConversationId.parse(id), model);
        return "messaging/conversation :: thread";
    }

    @PostMapping("/app/conversations/{id}/messages")
    String reply(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(required = false) String internal,
            @RequestParam(required = false) String then,
            @RequestParam(name = "files", required = false) List<org.springframework.web.multipart.MultipartFile> files,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) throws java.io.IOException {
        ConversationId conversation = ConversationId.parse(id);
        List<NewAttachment> attached = attached(files);
        boolean note = "true".equals(internal);
        try {
            conversations.send(actor, conversation, body, note,
                    idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey, attached);
            if (then != null && !then.isBlank() && actor.isStaff()) {
                // "Send and mark waiting on patient" or "Send and close": one click for the usual next step.
                conversations.update(actor, conversation,
                        new ConversationChange(ConversationStatus.fromCode(then), null, null, false));
            }
        } catch (InvalidRequestException e) {
            threadInto(actor, conversation, model);
            model.addAttribute("replyError", e.getMessage());
            if (htmx != null) {
                // Shown in the thread; the page keeps what was typed.
                response.setHeader("X-Bedside-Reply", "refused");
                return "messaging/conversation :: thread";
            }
            response.setStatus(400);
            model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
            model.addAttribute("draft", body == null ? "" : body);
            model.addAttribute("draftInternal", note);
            return page(actor, model);
        }
        drafts.discard(actor, conversation.toString());
        if (htmx != null) {
            threadInto(actor, conversation, model);
            return "messaging/conversation :: thread";
        }
        return "redirect:/app/conversations/" + conversation;
    }

    /** A photo or PDF of a conversation the reader may see. Downloads are audited. */
    @GetMapping("/app/attachments/{id}")
    org.springframework.http.ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Actor actor,
            @PathVariable String id) {
        return file(conversations.attachment(actor, io.bedside.shared.Ids.parse(id), false), false);
    }

    @GetMapping("/app/attachments/{id}/thumbnail")
    org.springframework.http.ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal Actor actor,
            @PathVariable String id) {
        return file(conversations.attachment(actor, io.bedside.shared.Ids.parse(id), true), true);
    }

    private static org.springframework.http.ResponseEntity<byte[]> file(
            io.bedside.messaging.internal.Attachments.Content content, boolean inline) {
        var disposition = (inline ? org.springframework.http.ContentDisposition.inline()
                : org.springframework.http.ContentDisposition.attachment())
                .filename(content.filename(), java.nio.charset.StandardCharsets.UTF_8).build();
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(content.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(content.bytes());
    }

    /** The whole conversation as a PDF, to keep: the written record of what was said. */
    @GetMapping("/app/conversations/{id}/export.pdf")
    org.springframework.http.ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            java.util.Locale locale) {
        var transcript = conversations.export(actor, ConversationId.parse(id));
        Practice practice = practices.find(actor.practiceId()).orElseThrow();
        TranscriptPdf.Document document = pdf.render(transcript, practice, locale);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, document.contentDisposition())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document.bytes());
    }

    /** Loads the conversation and its messages, and marks them read: opening it is reading it. */
    private void threadInto(Actor actor, ConversationId id, Model model) {
        UserProfile me = signedIn(model);
        ConversationDetails details = conversations.get(actor, id);
        List<MessageView> messages = conversations.messages(actor, id, 0, 200);
        long last = details.conversation().lastSeq();
        if (last > 0) {
            conversations.markRead(actor, id, last);
        }
        long myLast = messages.stream().filter(m -> m.author().id().equals(me.id().value()))
                .mapToLong(MessageView::seq).max().orElse(last);
        List<ReadReceipt> readBy = details.participants().stream()
                .filter(r -> !r.userId().equals(me.id().value()) && r.readAt() != null && r.lastReadSeq() >= myLast)
                .toList();
        model.addAttribute("conversation", details.conversation());
        model.addAttribute("messages", messages);
        model.addAttribute("readBy", readBy);
        model.addAttribute("highlights", highlights(actor, details.conversation(), messages));
        var promiseSource = promises.getIfAvailable();
        model.addAttribute("promise", promiseSource == null ? null
                : promiseSource.of(actor.practiceId(), List.of(id)).get(id));
    }

    /** A piece of a message's text, marked when it holds words that raised the urgent flag. */
    record Segment(String text, boolean marked) {
        @Override
        public String toString() {
            return "Segment";
        }
    }

    /**
     * For the care team of an urgent conversation: the patient's messages cut into pieces, the
     * words that raised the flag marked, found by the same matching as the urgent check. Staff
     * only (the patient sees their words as written); never logged.
     */
    private Map<String, List<Segment>> highlights(Actor actor, ConversationView conversation, List<MessageView> messages) {
        TriggerPhrases phrases = triggerPhrases.getIfAvailable();
        Map<String, List<Segment>> result = new java.util.HashMap<>();
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
            List<Segment> segments = new java.util.ArrayList<>();
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
    private static UserProfile signedIn(Model model) {
        return (UserProfile) model.getAttribute("me");
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "Choose a " + field + " from the list.");
        }
    }
}
