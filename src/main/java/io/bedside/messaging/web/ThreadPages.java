package io.bedside.messaging.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.bedside.identity.UserProfile;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.patient.PatientDirectory;
import io.bedside.messaging.QuickReplies;
import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.messaging.internal.ConversationChange;
import io.bedside.messaging.internal.ConversationDetails;
import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.ConversationReads;
import io.bedside.messaging.internal.Drafts;
import io.bedside.messaging.internal.MessageSends;
import io.bedside.messaging.internal.NewAttachment;
import io.bedside.messaging.internal.Triage;
import io.bedside.patient.Patient;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/**
 * One conversation as a chat: opening it (which reads it), its thread for htmx and live refreshes,
 * replying (with files, or as an internal note), a quick-reply template put into the reply, and
 * the drafts saved as people type. Works without JavaScript (plain forms, redirect after post).
 */
@Controller
@WebPage
class ThreadPages {

    private final ThreadModel thread;
    private final ConversationReads reads;
    private final ConversationLists lists;
    private final MessageSends sends;
    private final Triage triage;
    private final Drafts drafts;
    private final PatientDirectory patients;
    private final ObjectProvider<QuickReplies> quickReplies;

    ThreadPages(ThreadModel thread, ConversationReads reads, ConversationLists lists, MessageSends sends,
            Triage triage, Drafts drafts, PatientDirectory patients, ObjectProvider<QuickReplies> quickReplies) {
        this.thread = thread;
        this.reads = reads;
        this.lists = lists;
        this.sends = sends;
        this.triage = triage;
        this.drafts = drafts;
        this.patients = patients;
        this.quickReplies = quickReplies;
    }

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
            return ResponseEntity.noContent().build();
        }
        return Drafts.NEW_CONVERSATION.equals(scope)
                ? "redirect:/app/conversations/new?saved" : "redirect:/app/conversations/" + scope + "?saved";
    }

    @GetMapping("/app/conversations/{id}")
    String conversation(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, Model model) {
        thread.threadInto(actor, id, model);
        if (actor.isPatient()) {
            // Opening it read it: the header's count says so on this very page.
            model.addAttribute("unreadTotal", lists.unreadTotal(actor));
        }
        Map<String, String> draft = drafts.load(actor, id.toString());
        model.addAttribute("draft", draft.getOrDefault("body", ""));
        model.addAttribute("draftInternal", "true".equals(draft.get("internal")));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return thread.page(actor, model);
    }

    @GetMapping("/app/conversations/{id}/thread")
    String thread(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, Model model) {
        thread.threadInto(actor, id, model);
        return "messaging/conversation :: thread";
    }

    /**
     * The patient's status line and promised answer time, for the live refresh of the conversation
     * page when the care team reads, takes or answers it. Reading it marks nothing read.
     */
    @GetMapping("/app/conversations/{id}/status")
    String status(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, Model model) {
        thread.statusInto(actor, id, model);
        return "messaging/conversation :: statusLine";
    }

    @PostMapping("/app/conversations/{id}/messages")
    String reply(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam(required = false) String internal,
            @RequestParam(required = false) String then,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) throws IOException {
        List<NewAttachment> attached = Uploads.attached(files);
        boolean note = "true".equals(internal);
        try {
            sends.send(actor, id, body, note,
                    idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey, attached);
            if (then != null && !then.isBlank() && actor.isStaff()) {
                // "Send and mark waiting on patient" or "Send and close": one click for the usual next step.
                triage.update(actor, id, new ConversationChange(ConversationStatus.fromCode(then), null, null, false));
            }
        } catch (InvalidRequestException e) {
            thread.threadInto(actor, id, model);
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
            return thread.page(actor, model);
        }
        drafts.discard(actor, id.toString());
        if (htmx != null) {
            thread.threadInto(actor, id, model);
            return "messaging/conversation :: thread";
        }
        return "redirect:/app/conversations/" + id;
    }

    /**
     * Keeps a conversation from the patient's family, or shows it to them: the patient themselves
     * (an adolescent sharing a question with a parent) or the care team. Anyone else is refused by
     * {@code Triage}, as in the API's PATCH.
     */
    @PostMapping("/app/conversations/{id}/confidential")
    String confidential(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String confidential) {
        if (!"true".equals(confidential) && !"false".equals(confidential)) {
            throw new InvalidRequestException("confidential", "Say true or false.");
        }
        triage.update(actor, id, new ConversationChange(null, null, null, false, Boolean.valueOf(confidential)));
        return "redirect:/app/conversations/" + id;
    }

    /**
     * Puts a quick-reply template, filled in for this patient, into the reply being written. Nothing
     * is sent: the reader reads it over and sends it themselves.
     */
    @PostMapping("/app/conversations/{id}/quick-reply")
    String quickReply(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String template, @RequestParam(required = false) String body,
            @RequestParam(required = false) String internal,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ConversationDetails details = reads.get(actor, id);
        actor.requireStaff();
        QuickReplies source = quickReplies.getIfAvailable();
        var chosen = source == null || template == null || template.isBlank()
                ? Optional.<QuickReplies.QuickReply>empty() : source.find(actor, Ids.parseField("template", template));
        Patient patient = patients.patient(actor, PatientId.of(details.conversation().patient().id()));
        UserProfile me = ThreadModel.signedIn(model);
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
            model.addAttribute("quickReplies", thread.quickReplies(actor));
            return "messaging/staff-conversation :: replyBody";
        }
        thread.threadInto(actor, id, model);
        return thread.page(actor, model);
    }
}
