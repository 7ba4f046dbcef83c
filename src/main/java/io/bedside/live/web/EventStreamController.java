package io.bedside.live.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.bedside.identity.HeldSignIns;
import io.bedside.live.internal.LocalStreams;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code GET /api/v1/events}: the caller's Server-Sent Events stream. Resumes after
 * {@code Last-Event-ID} (or {@code ?lastEventId=} for clients that cannot set the header).
 */
@RestController
class EventStreamController {

    private final LocalStreams streams;
    private final HeldSignIns signIns;

    EventStreamController(LocalStreams streams, HeldSignIns signIns) {
        this.streams = streams;
        this.signIns = signIns;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Actor actor, HttpServletRequest request,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
        String given = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        // The stream lasts only as long as what it was opened with: a token, or a browser session.
        return streams.open(signIns.of(request, actor.userId()), parse(given));
    }

    private static Long parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Last-Event-ID", "Last-Event-ID must be an event id this server sent.");
        }
    }
}
