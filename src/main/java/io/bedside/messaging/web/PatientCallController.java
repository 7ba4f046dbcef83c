package io.bedside.messaging.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.PatientCall;
import io.bedside.messaging.internal.PatientCalls;
import io.bedside.messaging.web.ConversationJson.PersonJson;
import io.bedside.shared.Actor;

/**
 * "Called the patient" in the API: {@code POST /api/v1/conversations/{id}/calls {"outcome"?}} and
 * the list of calls. Staff only; access is decided in {@link PatientCalls}.
 */
@RestController
class PatientCallController {

    /** The outcome is text; a number or true is refused by the strict JSON scalars (finding 13). */
    record CallRequest(String outcome) {
        @Override
        public String toString() {
            return "CallRequest";
        }
    }

    record CallJson(String id, String conversationId, PersonJson caller, Instant calledAt, String outcome) {
        static CallJson of(PatientCall c) {
            return new CallJson(c.id().toString(), c.conversationId().toString(), PersonJson.of(c.caller()),
                    c.calledAt(), c.outcome());
        }

        @Override
        public String toString() {
            return "CallJson[" + id + "]";
        }
    }

    record Calls(List<CallJson> items) {
    }

    private final PatientCalls calls;

    PatientCallController(PatientCalls calls) {
        this.calls = calls;
    }

    @PostMapping("/api/v1/conversations/{id}/calls")
    ResponseEntity<CallJson> record(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody(required = false) CallRequest request) {
        PatientCall call = calls.record(actor, id, request == null ? null : request.outcome());
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + id + "/calls")).body(CallJson.of(call));
    }

    @GetMapping("/api/v1/conversations/{id}/calls")
    Calls list(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id) {
        return new Calls(calls.of(actor, id).stream().map(CallJson::of).toList());
    }
}
