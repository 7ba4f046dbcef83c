package io.bedside.messaging.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.ConversationMoves;
import io.bedside.messaging.internal.FollowUps;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
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
    private final ConversationMoves moves;

    FollowUpPages(FollowUps followUps, ConversationMoves moves) {
        this.followUps = followUps;
        this.moves = moves;
    }

    @PostMapping("/app/conversations/{id}/move")
    String move(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String careTeam, RedirectAttributes redirect) {
        actor.requireStaff();
        if (careTeam == null || careTeam.isBlank()) {
            throw new InvalidRequestException("careTeam", "Choose a care team.");
        }
        moves.move(actor, id, CareTeamId.of(Ids.parseField("careTeam", careTeam)));
        redirect.addFlashAttribute("followUpOutcome", "moved");
        return "redirect:/app/conversations/" + id + "#follow-up";
    }

    /** Closes this conversation as a duplicate of {@code into} and goes to the one kept. */
    @PostMapping("/app/conversations/{id}/merge")
    String merge(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String into, RedirectAttributes redirect) {
        actor.requireStaff();
        if (into == null || into.isBlank()) {
            throw new InvalidRequestException("into", "Choose the conversation to keep.");
        }
        ConversationId kept = ConversationId.of(Ids.parseField("into", into));
        moves.merge(actor, id, kept);
        redirect.addFlashAttribute("followUpOutcome", "merged");
        return "redirect:/app/conversations/" + kept + "#follow-up";
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
