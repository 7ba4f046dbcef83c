package io.bedside.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.MessageSent;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UnprocessableException;

/**
 * Sending a message or an internal note into a conversation, with photos or PDFs, idempotently:
 * with an Idempotency-Key a replay returns the first message; the same key with another request is
 * 422; the same key while the first is still being sent is 409.
 *
 * <p>A TransactionTemplate rather than {@code @Transactional}: the files are checked (thumbnails
 * made) before the transaction, and a send that lost the race for its key must have rolled back
 * before the winner's message is read back as the replay.
 */
@Service
public class MessageSends {

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final ReadStateRows readStates;
    private final IdempotencyKeyRows idempotencyKeys;
    private final ConversationAccess access;
    private final MessageCipher cipher;
    private final Attachments attachments;
    private final ConversationViews views;
    private final MessageLimits limits;
    private final AuditTrail audit;
    private final Reactions reactions;
    private final SearchIndex searchIndex;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SendMeters meters;
    // Keys being sent on this node right now: a second request with the same key gets 409 at once.
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    MessageSends(ConversationRows conversations, MessageRows messages, ReadStateRows readStates,
            IdempotencyKeyRows idempotencyKeys, ConversationAccess access, MessageCipher cipher,
            Attachments attachments, ConversationViews views, MessageLimits limits, AuditTrail audit,
            Reactions reactions, SearchIndex searchIndex, TransactionTemplate transaction, Clock clock,
            SendMeters meters) {
        this.searchIndex = searchIndex;
        this.conversations = conversations;
        this.messages = messages;
        this.readStates = readStates;
        this.idempotencyKeys = idempotencyKeys;
        this.access = access;
        this.cipher = cipher;
        this.attachments = attachments;
        this.views = views;
        this.limits = limits;
        this.audit = audit;
        this.reactions = reactions;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    public SentMessage send(Actor actor, ConversationId id, String text, boolean internal, String idempotencyKey) {
        return send(actor, id, text, internal, idempotencyKey, List.of());
    }

    /** As {@link #send(Actor, ConversationId, String, boolean, String)}, with photos or PDFs attached. */
    public SentMessage send(Actor actor, ConversationId id, String text, boolean internal, String idempotencyKey,
            List<NewAttachment> files) {
        return meters.timed(actor, internal ? SendMeters.What.NOTE : SendMeters.What.MESSAGE,
                () -> sendTimed(actor, id, text, internal, idempotencyKey, files),
                sent -> sent.replayed() ? SendMeters.Outcome.REPLAYED : SendMeters.Outcome.SENT);
    }

    private SentMessage sendTimed(Actor actor, ConversationId id, String text, boolean internal, String idempotencyKey,
            List<NewAttachment> files) {
        String body = files.isEmpty() || (text != null && !text.isBlank()) ? limits.checkedBody(text) : "";
        List<Attachments.Checked> types = attachments.check(files);
        if (idempotencyKey == null) {
            return new SentMessage(sendOnce(actor, id, body, internal, null, null, files, types), false);
        }
        String key = checkedKey(idempotencyKey);
        String requestHash = requestHash(id, body, internal, files);
        var earlier = idempotencyKeys.find(actor.practiceId(), actor.userId(), key);
        if (earlier.isPresent()) {
            return replay(actor, id, earlier.get(), requestHash);
        }
        String scoped = actor.practiceId() + "/" + actor.userId() + "/" + key;
        if (!inFlight.add(scoped)) {
            throw new ConflictException("A request with this Idempotency-Key is still being processed.");
        }
        try {
            return new SentMessage(sendOnce(actor, id, body, internal, key, requestHash, files, types), false);
        } catch (DuplicateKeyException anotherNodeSentItFirst) {
            return replay(actor, id, idempotencyKeys.find(actor.practiceId(), actor.userId(), key).orElseThrow(),
                    requestHash);
        } finally {
            inFlight.remove(scoped);
        }
    }

    private MessageView sendOnce(Actor caller, ConversationId id, String body, boolean internal, String key,
            String requestHash, List<NewAttachment> files, List<Attachments.Checked> types) {
        return transaction.execute(tx -> {
            String action = internal ? "note.added" : "message.sent";
            ConversationRow row = access.visibleForUpdate(caller, id, action);
            // A proxy writes for the patient whose conversation this is, whichever one they had chosen.
            Actor actor = caller.actingAs(row.patientId());
            if (row.mergedInto() != null) {
                throw new ConflictException("This conversation was closed as a duplicate; write in the one it links to.");
            }
            if (internal && !actor.isStaff()) {
                audit.record(new AuditRecord(actor.practiceId(), actor, row.patientId(), action, "conversation",
                        id.toString(), false));
                throw new ForbiddenException("Only staff can write internal notes.");
            }
            Instant now = Timestamps.now(clock);
            long seq = row.lastSeq() + 1;
            MessageId messageId = MessageId.random();
            if (key != null) {
                idempotencyKeys.insert(actor.practiceId(), actor.userId(), key, requestHash, id, messageId, now);
            }
            messages.insert(new MessageRows.Row(messageId, actor.practiceId(), id, seq, actor.userId(), actor.kind(),
                    cipher.encryptBody(actor.practiceId(), id, messageId, body), internal, now,
                    actor.isProxy() ? actor.relationship() : null));
            List<AttachmentView> stored = attachments.store(actor.practiceId(), id, messageId, files, types, now);
            searchIndex.index(actor.practiceId(), id, messageId, now, internal, SearchTexts.of(body, null, null, files));
            // A patient writing again reopens the conversation for the team.
            ConversationStatus status = actor.isPatient() ? ConversationStatus.OPEN : row.status();
            conversations.recordMessage(id, seq, now, internal, status);
            // A patient writing again wakes a snoozed conversation: it is back in the open view now.
            boolean woke = actor.isPatient() && row.snoozedAt(now);
            if (actor.isPatient() && row.snoozedUntil() != null) {
                conversations.clearSnooze(id);
            }
            if (status != row.status() || woke) {
                reactions.updated(new ConversationUpdated(actor.practiceId(), id, row.patientId(), row.careTeamId(),
                        status, row.priority(), row.assigneeId()));
            }
            readStates.advance(actor.practiceId(), id, actor, seq, now);
            audit.record(AuditRecord.allowed(actor, row.patientId(), action, "message", messageId));
            reactions.messageSent(new MessageSent(actor.practiceId(), id, messageId, seq, row.patientId(),
                    row.careTeamId(), actor.userId(), actor.isPatient(), internal));
            return new MessageView(messageId, seq, views.author(actor, row), body, internal, now, stored);
        });
    }

    private SentMessage replay(Actor actor, ConversationId id, IdempotencyKeyRows.Used used, String requestHash) {
        if (!used.requestHash().equals(requestHash) || !used.conversationId().equals(id)) {
            throw new UnprocessableException(
                    "This Idempotency-Key was already used for a different request. Use a new key for a new message.");
        }
        ConversationRow row = access.visible(actor, id, "message.sent");
        actor = actor.actingAs(row.patientId());
        MessageRows.Row m = messages.find(actor.practiceId(), used.messageId()).orElseThrow(NotFoundException::new);
        audit.record(AuditRecord.allowed(actor, row.patientId(), "messages.read", "message", m.id()));
        return new SentMessage(new MessageView(m.id(), m.seq(), views.author(actor, row),
                cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext()), m.internal(),
                m.createdAt(), attachments.ofMessage(m.practiceId(), m.conversationId(), m.id())), true);
    }

    /** The Idempotency-Key header as sent, or a 400; package-private for its fuzz test. */
    static String checkedKey(String key) {
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException("Idempotency-Key",
                    "The Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        return key;
    }

    private static String requestHash(ConversationId id, String body, boolean internal, List<NewAttachment> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((id + "\n" + internal + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            for (NewAttachment file : files) {
                digest.update(MessageDigest.getInstance("SHA-256").digest(file.content()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
