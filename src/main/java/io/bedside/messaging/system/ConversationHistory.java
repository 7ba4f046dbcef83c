package io.bedside.messaging.system;

import java.time.Instant;
import java.util.List;

import io.bedside.messaging.ConversationId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.UserId;

/**
 * A conversation as it went, in ids, codes and times only (never a subject, a body or a name):
 * what another module replays to count a conversation it did not see happen.
 *
 * @param kind     the kind's code ("question", "campaign")
 * @param open     its status is open (not closed, not waiting on the patient)
 * @param urgent   its priority is urgent now
 * @param messages the messages people wrote, in order; internal notes and Bedside's own left out
 */
public record ConversationHistory(ConversationId id, CareTeamId careTeamId, String kind, boolean open, boolean urgent,
        Instant startedAt, Instant lastActivityAt, List<Message> messages) {

    public ConversationHistory {
        messages = List.copyOf(messages);
    }

    /** A message a person wrote: by the patient's side or by staff. */
    public record Message(long seq, UserId authorId, boolean fromPatient, Instant sentAt) {
    }
}
