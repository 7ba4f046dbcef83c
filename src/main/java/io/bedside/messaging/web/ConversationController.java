package io.bedside.messaging.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.messaging.internal.ConversationChange;
import io.bedside.messaging.internal.ConversationKind;
import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.ConversationReads;
import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.MessageSends;
import io.bedside.messaging.internal.NewConversation;
import io.bedside.messaging.internal.ReadReceipts;
import io.bedside.messaging.internal.SentMessage;
import io.bedside.messaging.internal.Triage;
import io.bedside.messaging.web.ConversationJson.ConversationJsonBody;
import io.bedside.messaging.web.ConversationJson.ConversationSummaryJson;
import io.bedside.messaging.web.ConversationJson.MessageJson;
import io.bedside.messaging.web.ConversationJson.ReadStateJson;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PageLimits;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;

/** The conversations API of DESIGN.md. Access is decided in the services of messaging.internal, not here. */
@RestController
class ConversationController {

    record StartRequest(String careTeamId, String subject, String body, String kind, String providerId,
            String patientId, Map<String, String> details, Boolean confidential) {
        @Override
        public String toString() {
            return "StartRequest[team=" + careTeamId + "]";
        }
    }

    record SendRequest(String body, Boolean internal) {
        @Override
        public String toString() {
            return "SendRequest[internal=" + internal + "]";
        }
    }

    record ReadRequest(Long seq) {
    }

    record ChangeRequest(String status, String priority, String assigneeId, Boolean confidential) {
    }

    record Page(List<ConversationSummaryJson> items, String nextCursor) {
    }

    record Messages(List<MessageJson> items) {
    }

    private final ConversationStarts starts;
    private final ConversationLists lists;
    private final ConversationReads reads;
    private final MessageSends sends;
    private final Triage triage;
    private final ReadReceipts receipts;

    ConversationController(ConversationStarts starts, ConversationLists lists, ConversationReads reads,
            MessageSends sends, Triage triage, ReadReceipts receipts) {
        this.starts = starts;
        this.lists = lists;
        this.reads = reads;
        this.sends = sends;
        this.triage = triage;
        this.receipts = receipts;
    }

    @PostMapping("/api/v1/conversations")
    ResponseEntity<ConversationJsonBody> start(@AuthenticationPrincipal Actor actor, @RequestBody StartRequest request) {
        var started = starts.start(actor, new NewConversation(
                request.careTeamId() == null ? null : CareTeamId.of(Ids.parseField("careTeamId", request.careTeamId())),
                request.subject(), request.body(),
                request.kind() == null ? null : ConversationKind.fromCode(request.kind()),
                request.providerId() == null ? null : UserId.of(Ids.parseField("providerId", request.providerId())),
                request.patientId() == null ? null : PatientId.of(Ids.parseField("patientId", request.patientId())),
                request.details(), List.of(), request.confidential()));
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + started.conversation().id()))
                .body(ConversationJsonBody.of(started.conversation(), null, started.firstMessage()));
    }

    @GetMapping("/api/v1/conversations")
    Page list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String patientId) {
        // A proxy lists every record they act for unless they name one; staff and patients as before.
        var page = lists.list(patientId == null ? actor : actor.actingAs(PatientId.of(Ids.parseField("patientId", patientId))),
                patientId != null || !actor.isPatient(),
                status == null || status.isBlank() ? null : ConversationStatus.fromCode(status), cursor,
                PageLimits.check(limit, 20, 100));
        return new Page(page.items().stream().map(ConversationSummaryJson::of).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/conversations/{id}")
    ConversationJsonBody get(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id) {
        return ConversationJsonBody.of(reads.get(actor, id));
    }

    @GetMapping("/api/v1/conversations/{id}/messages")
    Messages messages(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false, defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        return new Messages(reads.messages(actor, id, after,
                PageLimits.check(limit, 50, 200)).stream().map(MessageJson::of).toList());
    }

    @PostMapping("/api/v1/conversations/{id}/messages")
    ResponseEntity<MessageJson> send(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody SendRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        SentMessage sent = sends.send(actor, id, request.body(),
                Boolean.TRUE.equals(request.internal()), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(sent.replayed()))
                .body(MessageJson.of(sent.message()));
    }

    /**
     * Staff triage: {@code {status?, priority?, assigneeId?}}; an empty {@code assigneeId} unassigns.
     */
    @PatchMapping("/api/v1/conversations/{id}")
    ConversationJsonBody update(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody ChangeRequest request) {
        boolean unassign = request.assigneeId() != null && request.assigneeId().isBlank();
        return ConversationJsonBody.of(triage.update(actor, id, new ConversationChange(
                request.status() == null ? null : ConversationStatus.fromCode(request.status()),
                request.priority() == null ? null : Priority.fromCode(request.priority()),
                request.assigneeId() == null || unassign ? null : UserId.of(Ids.parseField("assigneeId", request.assigneeId())),
                unassign, request.confidential())));
    }

    @PostMapping("/api/v1/conversations/{id}/read")
    ReadStateJson read(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestBody ReadRequest request) {
        if (request.seq() == null) {
            throw new InvalidRequestException("seq", "seq is required.");
        }
        return ReadStateJson.of(receipts.markRead(actor, id, request.seq()));
    }
}
