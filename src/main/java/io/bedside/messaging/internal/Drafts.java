package io.bedside.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.messaging.ConversationId;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Savepoints;
import io.bedside.shared.Timestamps;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts saved as people type, on the server, so that a reload, a dropped connection or another
 * device loses nothing. A draft is the fields of a form (subject, body, request details…),
 * encrypted under the practice's key and bound to its owner and place; only its owner reads it.
 */
@Service
public class Drafts {

    /** Where a draft belongs: the new-message form, or the reply box of one conversation. */
    public static final String NEW_CONVERSATION = "new";

    private static final int MAX_FIELD = 20_000;

    private final DraftRows drafts;
    private final PracticeEncryption encryption;
    private final ConversationAccess access;
    private final JsonMapper json;
    private final Clock clock;
    private final Savepoints savepoints;

    Drafts(DraftRows drafts, PracticeEncryption encryption, ConversationAccess access, JsonMapper json, Clock clock,
            Savepoints savepoints) {
        this.savepoints = savepoints;
        this.drafts = drafts;
        this.encryption = encryption;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void save(Actor actor, String scope, Map<String, String> fields) {
        checkScope(actor, scope);
        Map<String, String> kept = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                if (v.length() > MAX_FIELD) {
                    throw new InvalidRequestException(k, "This is too long to keep.");
                }
                kept.put(k, v);
            }
        });
        if (kept.isEmpty()) {
            discard(actor, scope);
            return;
        }
        byte[] ciphertext = encryption.encrypt(actor.practiceId(),
                json.writeValueAsString(kept).getBytes(StandardCharsets.UTF_8), context(actor, scope));
        Instant now = Timestamps.now(clock);
        if (drafts.update(actor, scope, ciphertext, now) == 0) {
            boolean inserted = savepoints.insertUnlessPresent(() -> drafts.insert(actor, scope, ciphertext, now));
            if (!inserted) {
                // Saved from another tab a moment before: this one is newer.
                drafts.update(actor, scope, ciphertext, now);
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public Map<String, String> load(Actor actor, String scope) {
        checkScope(actor, scope);
        Optional<byte[]> stored = drafts.find(actor, scope);
        return stored.map(c -> (Map<String, String>) json.readValue(
                new String(encryption.decrypt(actor.practiceId(), c, context(actor, scope)), StandardCharsets.UTF_8),
                LinkedHashMap.class)).orElse(Map.of());
    }

    /**
     * Where the caller has drafts: "new" and the ids of conversations with a reply being written.
     * Only the places, not what is in them (nothing is decrypted), for the home screen.
     */
    @Transactional
    public Set<String> places(Actor actor) {
        return drafts.places(actor);
    }

    @Transactional
    public void discard(Actor actor, String scope) {
        drafts.delete(actor, scope);
    }

    private void checkScope(Actor actor, String scope) {
        if (!NEW_CONVERSATION.equals(scope)) {
            access.visible(actor, ConversationId.parse(scope), "draft.saved");
        }
    }

    private static AssociatedData context(Actor actor, String scope) {
        return AssociatedData.of("draft", actor.userId(), scope);
    }
}
