package io.bedside.scheduling.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.messaging.ConversationId;
import io.bedside.scheduling.PreferredTime;
import io.bedside.scheduling.VisitRequest;
import io.bedside.scheduling.VisitRequestId;
import io.bedside.scheduling.VisitStatus;
import io.bedside.scheduling.internal.VisitRequestService;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * Needs a visit in the API: staff turn a conversation into a visit request and work the front
 * desk's queue; the patient side gives preferred times, accepts or declines. Access is decided in
 * {@link VisitRequestService}: another practice's or patient's request is 404.
 */
@RestController
class VisitRequestController {

    record NewVisitRequest(String reason, String urgency, String visitType) {
        @Override
        public String toString() {
            return "NewVisitRequest";
        }
    }

    record TimeJson(String date, String part) {
    }

    record Preferences(List<TimeJson> preferredTimes, String note) {
        @Override
        public String toString() {
            return "Preferences";
        }
    }

    record Slot(String startsAt) {
    }

    record VisitRequestJson(String id, String conversationId, String patientId, String careTeamId, String status,
            String urgency, String visitType, String reason, List<TimeJson> preferredTimes, String note,
            Instant preferencesAt, Instant slotAt, String requestedBy, Instant createdAt, Instant updatedAt) {

        static VisitRequestJson of(VisitRequest r) {
            return new VisitRequestJson(r.id().toString(), r.conversationId().toString(), r.patientId().value().toString(),
                    r.careTeamId().value().toString(), r.status().code(), r.urgency().code(), r.visitType().code(),
                    r.reason(), r.preferredTimes().stream().map(t -> new TimeJson(t.date().toString(), t.part().code()))
                            .toList(), r.note(), r.preferencesAt(), r.slotAt(), r.requestedBy().value().toString(),
                    r.createdAt(), r.updatedAt());
        }

        @Override
        public String toString() {
            return "VisitRequestJson[" + id + "]";
        }
    }

    record Items(List<VisitRequestJson> items) {
    }

    private final VisitRequestService requests;

    VisitRequestController(VisitRequestService requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/conversations/{id}/visit-request")
    ResponseEntity<VisitRequestJson> create(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody(required = false) NewVisitRequest request) {
        requests.requireRequestable(actor, id);
        if (request == null) {
            throw new InvalidRequestException("reason", "Send {reason, urgency, visitType}.");
        }
        VisitRequest created = requests.create(actor, id, request.reason(), request.urgency(), request.visitType());
        return ResponseEntity.created(URI.create("/api/v1/visit-requests/" + created.id()))
                .body(VisitRequestJson.of(created));
    }

    @GetMapping("/api/v1/visit-requests")
    Items list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status) {
        VisitStatus wanted = status == null || status.isBlank() ? null : VisitStatus.fromCode("status", status);
        return new Items(requests.list(actor, wanted).stream().map(VisitRequestJson::of).toList());
    }

    @GetMapping("/api/v1/visit-requests/{id}")
    VisitRequestJson get(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id) {
        return VisitRequestJson.of(requests.get(actor, id));
    }

    @PostMapping("/api/v1/visit-requests/{id}/preferences")
    VisitRequestJson preferences(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id,
            @RequestBody(required = false) Preferences request) {
        List<PreferredTime> times = new ArrayList<>();
        if (request != null && request.preferredTimes() != null) {
            for (TimeJson t : request.preferredTimes()) {
                times.add(time(t));
            }
        }
        return VisitRequestJson.of(requests.preferences(actor, id, times, request == null ? null : request.note()));
    }

    @PostMapping("/api/v1/visit-requests/{id}/offer")
    VisitRequestJson offer(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id,
            @RequestBody(required = false) Slot slot) {
        return VisitRequestJson.of(requests.offer(actor, id, instant(slot, true)));
    }

    @PostMapping("/api/v1/visit-requests/{id}/book")
    VisitRequestJson book(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id,
            @RequestBody(required = false) Slot slot) {
        return VisitRequestJson.of(requests.book(actor, id, instant(slot, false)));
    }

    @PostMapping("/api/v1/visit-requests/{id}/decline")
    VisitRequestJson decline(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id) {
        return VisitRequestJson.of(requests.decline(actor, id));
    }

    private static PreferredTime time(TimeJson t) {
        if (t == null || t.date() == null || t.part() == null) {
            throw new InvalidRequestException("preferredTimes", "Each preferred time needs a date (YYYY-MM-DD) and a part of the day.");
        }
        try {
            return new PreferredTime(LocalDate.parse(t.date()), PreferredTime.Part.fromCode(t.part()));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("preferredTimes", "Dates are written YYYY-MM-DD.");
        }
    }

    private static Instant instant(Slot slot, boolean required) {
        if (slot == null || slot.startsAt() == null || slot.startsAt().isBlank()) {
            if (required) {
                throw new InvalidRequestException("startsAt", "Give the time of the visit (startsAt), for example 2026-12-01T15:00:00Z.");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(slot.startsAt()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("startsAt", "startsAt is a date and time with its offset, for example 2026-12-01T15:00:00Z.");
        }
    }
}
