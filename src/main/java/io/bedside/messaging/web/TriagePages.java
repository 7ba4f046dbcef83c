package io.bedside.messaging.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.messaging.internal.ConversationChange;
import io.bedside.messaging.internal.ConversationDetails;
import io.bedside.messaging.internal.ConversationReads;
import io.bedside.messaging.internal.ConversationView;
import io.bedside.messaging.internal.PatientCalls;
import io.bedside.messaging.internal.Triage;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/**
 * The care team's tools on a conversation: status, priority and assignee (with "Undo"), the due
 * banner, and "Called the patient". Staff only.
 */
@Controller
@WebPage
class TriagePages {

    private final ThreadModel thread;
    private final ConversationReads reads;
    private final Triage triage;
    private final PatientCalls calls;

    TriagePages(ThreadModel thread, ConversationReads reads, Triage triage, PatientCalls calls) {
        this.thread = thread;
        this.reads = reads;
        this.triage = triage;
        this.calls = calls;
    }

    /** The triage panel alone, for live refreshes when a teammate changes something. */
    @GetMapping("/app/conversations/{id}/triage")
    String triagePanel(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, Model model) {
        ConversationDetails details = reads.get(actor, id);
        actor.requireStaff();
        thread.triageInto(actor, details.conversation(), model);
        return "messaging/staff-conversation :: triage";
    }

    /**
     * Staff set status, priority or assignee. {@code assignee} is a staff id, "me", or empty to
     * unassign; a field left out is left as it is.
     */
    @PostMapping("/app/conversations/{id}/triage")
    String triage(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String undo,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        // What it was before, for "Undo": each change applies at once, so the last one can be taken back.
        ConversationView before = reads.get(actor, id).conversation();
        UserId assigneeId = null;
        boolean unassign = false;
        if (assignee != null) {
            if (assignee.isBlank()) {
                unassign = true;
            } else {
                assigneeId = "me".equals(assignee) ? actor.userId() : UserId.of(Ids.parseField("assignee", assignee));
            }
        }
        ConversationDetails updated = triage.update(actor, id, new ConversationChange(
                status == null || status.isBlank() ? null : ConversationStatus.fromCode(status),
                priority == null || priority.isBlank() ? null : Priority.fromCode(priority), assigneeId, unassign));
        Map<String, String> previous = new LinkedHashMap<>();
        previous.put("status", before.status().code());
        previous.put("priority", before.priority().code());
        previous.put("assignee", before.assignee() == null ? "" : before.assignee().id().toString());
        boolean changed = before.status() != updated.conversation().status()
                || before.priority() != updated.conversation().priority()
                || !Objects.equals(before.assignee() == null ? null : before.assignee().id(),
                        updated.conversation().assignee() == null ? null : updated.conversation().assignee().id());
        String outcome = undo != null ? "undone" : changed ? "saved" : null;
        if (htmx != null) {
            thread.triageInto(actor, updated.conversation(), model);
            model.addAttribute("triageOutcome", outcome);
            model.addAttribute("undo", "saved".equals(outcome) ? previous : null);
            thread.dueInto(actor, updated.conversation(), model);
            return "messaging/staff-fragments :: triageUpdate";
        }
        redirect.addFlashAttribute("triageOutcome", outcome);
        if ("saved".equals(outcome)) {
            redirect.addFlashAttribute("undo", previous);
        }
        return "redirect:/app/conversations/" + id;
    }

    @GetMapping("/app/conversations/{id}/due")
    String duePanel(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, Model model) {
        ConversationDetails details = reads.get(actor, id);
        actor.requireStaff();
        thread.dueInto(actor, details.conversation(), model);
        return "messaging/staff-conversation :: due(oob=false)";
    }

    /**
     * "Called the patient", with what came of it (optional). Recorded, audited, shown to the care
     * team only; it meets the urgent target but leaves the flag (see docs/architecture.md).
     */
    @PostMapping("/app/conversations/{id}/calls")
    String called(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String outcome, Model model, HttpServletResponse response) {
        try {
            calls.record(actor, id, outcome);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            thread.threadInto(actor, id, model);
            model.addAttribute("callError", e.getMessage());
            model.addAttribute("callOutcome", outcome);
            model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
            model.addAttribute("draft", "");
            model.addAttribute("draftInternal", false);
            return thread.page(actor, model);
        }
        return "redirect:/app/conversations/" + id + "?called#due";
    }
}
