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
import io.bedside.messaging.internal.ConversationMoves;
import io.bedside.messaging.internal.FollowUps;
import io.bedside.messaging.web.ConversationJson.ConversationJsonBody;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;

/**
 * The care team's follow-ups through the API (staff only; to a patient these addresses do not
 * exist): snooze until a day or for some days, wake, mark unread for oneself.
 */
@RestController
class FollowUpController {

    record SnoozeRequest(Integer days, String until) {
    }

    record MoveRequest(String careTeamId) {
    }

    record MergeRequest(String intoId) {
    }

    private final FollowUps followUps;
    private final ConversationMoves moves;

    FollowUpController(FollowUps followUps, ConversationMoves moves) {
        this.followUps = followUps;
        this.moves = moves;
    }

    /** Moves the conversation to another care team of the practice: {@code {careTeamId}}. */
    @PostMapping("/api/v1/conversations/{id}/move")
    ConversationJsonBody move(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody MoveRequest request) {
        actor.requireStaff();
        if (request.careTeamId() == null || request.careTeamId().isBlank()) {
            throw new InvalidRequestException("careTeamId", "careTeamId is required.");
        }
        return ConversationJsonBody.of(moves.move(actor, id,
                CareTeamId.of(Ids.parseField("careTeamId", request.careTeamId()))));
    }

    /** Closes this conversation as a duplicate of {@code intoId} (the same patient's); answers the closed one. */
    @PostMapping("/api/v1/conversations/{id}/merge")
    ConversationJsonBody merge(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody MergeRequest request) {
        actor.requireStaff();
        if (request.intoId() == null || request.intoId().isBlank()) {
            throw new InvalidRequestException("intoId", "intoId is required.");
        }
        return ConversationJsonBody.of(moves.merge(actor, id,
                ConversationId.of(Ids.parseField("intoId", request.intoId()))));
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
