package io.bedside.messaging.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.FollowUps;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.web.WebPage;

/**
 * The "Follow up" card of the staff conversation page: snooze, wake, mark unread. Plain form
 * posts answered with a redirect, so they work without JavaScript. Staff only.
 */
@Controller
@WebPage
class FollowUpPages {

    private final FollowUps followUps;

    FollowUpPages(FollowUps followUps) {
        this.followUps = followUps;
    }

    /** {@code days} (1, 3, 7) or {@code until} (a date); the date wins when both are given. */
    @PostMapping("/app/conversations/{id}/snooze")
    String snooze(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String days, @RequestParam(required = false) String until,
            RedirectAttributes redirect) {
        actor.requireStaff();
        if (until != null && !until.isBlank()) {
            followUps.snoozeUntil(actor, id, FollowUpController.day(until));
        } else if (days != null && !days.isBlank()) {
            try {
                followUps.snoozeFor(actor, id, Integer.parseInt(days.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("days", "days must be a number.");
            }
        } else {
            throw new InvalidRequestException("until", "Choose a day or a number of days.");
        }
        redirect.addFlashAttribute("followUpOutcome", "snoozed");
        return "redirect:/app/conversations/" + id + "#follow-up";
    }

    @PostMapping("/app/conversations/{id}/wake")
    String wake(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, RedirectAttributes redirect) {
        followUps.wake(actor, id);
        redirect.addFlashAttribute("followUpOutcome", "woken");
        return "redirect:/app/conversations/" + id + "#follow-up";
    }

    /**
     * Marks it unread for the reader and goes back to the inbox: showing the conversation again
     * would read it, and take the mark away at once.
     */
    @PostMapping("/app/conversations/{id}/unread")
    String unread(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, RedirectAttributes redirect) {
        followUps.markUnread(actor, id);
        redirect.addFlashAttribute("followUpOutcome", "unread");
        return "redirect:/app/inbox";
    }
}
