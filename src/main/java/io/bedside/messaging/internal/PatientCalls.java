package io.bedside.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.PatientCalled;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * "Called the patient": the care team records a phone call about a conversation (the main action
 * on an urgent one), with an optional outcome note. Staff only: to a patient, or to anyone of
 * another practice, the calls do not exist (404 like a missing id). The note may hold health
 * information, so it is encrypted like a message body; recording and reading are audited.
 */
@Service
public class PatientCalls {

    /** An outcome note is a line or two, not a letter. */
    public static final int MAX_OUTCOME = 2000;

    private final ConversationAccess access;
    private final PatientCallRows calls;
    private final MessageCipher cipher;
    private final People people;
    private final AuditTrail audit;
    private final Reactions reactions;
        private final Clock clock;

    PatientCalls(ConversationAccess access, PatientCallRows calls, MessageCipher cipher, People people,
            AuditTrail audit, Reactions reactions, Clock clock) {
        this.access = access;
        this.calls = calls;
        this.cipher = cipher;
        this.people = people;
        this.audit = audit;
        this.reactions = reactions;
        this.clock = clock;
    }

    @Transactional
    public PatientCall record(Actor actor, ConversationId id, String outcome) {
        String note = checkedOutcome(outcome);
        ConversationRow row = staffOnly(actor, id, "patient.called");
        Instant now = Timestamps.now(clock);
        UUID callId = UUID.randomUUID();
        calls.insert(new PatientCallRows.Row(callId, actor.practiceId(), id, actor.userId(), now,
                note == null ? null : cipher.encryptCallOutcome(actor.practiceId(), id, callId, note)));
        audit.record(AuditRecord.allowed(actor, row.patientId(), "patient.called", "conversation", id));
        reactions.patientCalled(new PatientCalled(actor.practiceId(), id, row.patientId(), row.careTeamId(),
                actor.userId(), now));
        Map<UserId, StaffMember> staff = people.staff(actor.practiceId(), List.of(actor.userId()));
        return new PatientCall(callId, id, people.staffPerson(actor.userId(), staff), now, note);
    }

    /** The conversation's calls, oldest first, notes decrypted. Audited as a read. */
    @Transactional
    public List<PatientCall> of(Actor actor, ConversationId id) {
        ConversationRow row = staffOnly(actor, id, "patient_calls.read");
        List<PatientCallRows.Row> rows = calls.of(actor.practiceId(), id);
        Set<UserId> callers = new HashSet<>();
        rows.forEach(r -> callers.add(r.callerId()));
        Map<UserId, StaffMember> staff = people.staff(actor.practiceId(), callers);
        audit.record(AuditRecord.allowed(actor, row.patientId(), "patient_calls.read", "conversation", id));
        return rows.stream().map(r -> new PatientCall(r.id(), id, people.staffPerson(r.callerId(), staff), r.calledAt(),
                r.outcomeCiphertext() == null ? null
                        : cipher.decryptCallOutcome(r.practiceId(), id, r.id(), r.outcomeCiphertext()))).toList();
    }

    /** The conversation for its care team; a patient is answered exactly like a missing id (and audited). */
    private ConversationRow staffOnly(Actor actor, ConversationId id, String action) {
        ConversationRow row = access.visible(actor, id, action);
        if (!actor.isStaff()) {
            audit.record(AuditRecord.denied(actor, action, "conversation", id));
            throw new NotFoundException("No such conversation.");
        }
        return row;
    }

    private static String checkedOutcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        if (outcome.length() > MAX_OUTCOME) {
            throw new InvalidRequestException("outcome",
                    "The outcome note is too long: at most " + MAX_OUTCOME + " characters.");
        }
        return outcome.strip();
    }
}
