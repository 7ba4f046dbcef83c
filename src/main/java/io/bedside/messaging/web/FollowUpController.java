package io.bedside.messaging.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.FollowUps;
import io.bedside.messaging.web.ConversationJson.ConversationJsonBody;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * The care team's follow-ups through the API (staff only; to a patient these addresses do not
 * exist): snooze until a day or for some days, wake, mark unread for oneself.
 */
@RestController
class FollowUpController {

    record SnoozeRequest(Integer days, String until) {
    }

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    /** {@code {days}} (1 to 365) or {@code {until: "YYYY-MM-DD"}}, a day of the practice's calendar after today. */
    @PostMapping("/api/v1/conversations/{id}/snooze")
    ConversationJsonBody snooze(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody SnoozeRequest request) {
        actor.requireStaff();
        if ((request.days() == null) == (request.until() == null || request.until().isBlank())) {
            throw new InvalidRequestException("until", "Give either days or until (YYYY-MM-DD).");
        }
        return ConversationJsonBody.of(request.days() != null ? followUps.snoozeFor(actor, id, request.days())
                : followUps.snoozeUntil(actor, id, day(request.until())));
    }

    @DeleteMapping("/api/v1/conversations/{id}/snooze")
    ConversationJsonBody wake(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id) {
        return ConversationJsonBody.of(followUps.wake(actor, id));
    }

    /** Marks the conversation unread for the caller alone, until they read it again. */
    @PostMapping("/api/v1/conversations/{id}/unread")
    ResponseEntity<Void> unread(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id) {
        followUps.markUnread(actor, id);
        return ResponseEntity.noContent().build();
    }

    static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("until", "until must be a date, YYYY-MM-DD.");
        }
    }
}
