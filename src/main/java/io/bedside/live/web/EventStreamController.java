package io.bedside.live.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.identity.HeldSignIns;
import io.bedside.live.LiveProperties;
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
    private final LiveProperties properties;

    EventStreamController(LocalStreams streams, HeldSignIns signIns, LiveProperties properties) {
        this.streams = streams;
        this.signIns = signIns;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void events(@AuthenticationPrincipal Actor actor, HttpServletRequest request, HttpServletResponse response,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
        String given = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        Long lastEventId = parse(given);
        // The stream lasts only as long as what it was opened with: a token, or a browser session.
        HeldSignIns.Held signIn = signIns.of(request, actor.userId());
        // The stream takes the connection over when this request ends (see TomcatEventStream): an
        // idle stream then holds a few KB rather than a whole request in progress.
        streams.open(signIn, lastEventId, () -> {
            try {
                return TomcatEventStream.upgrade(request, response, properties.streamTimeout());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
        });
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
