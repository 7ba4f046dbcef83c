package io.bedside.messaging.internal;

import io.bedside.messaging.ConversationId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
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

    private final JdbcClient jdbc;
    private final PracticeEncryption encryption;
    private final ConversationAccess access;
    private final JsonMapper json;
    private final Clock clock;
    private final Savepoints savepoints;

    Drafts(JdbcClient jdbc, PracticeEncryption encryption, ConversationAccess access, JsonMapper json, Clock clock,
            Savepoints savepoints) {
        this.savepoints = savepoints;
        this.jdbc = jdbc;
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
        var now = Timestamps.toDb(Timestamps.now(clock));
        int updated = jdbc.sql("update draft set content_ciphertext = :c, updated_at = :now where user_id = :u and scope = :s")
                .param("c", ciphertext).param("now", now).param("u", actor.userId().value()).param("s", scope)
                .update();
        if (updated == 0) {
            boolean inserted = savepoints.insertUnlessPresent(() -> jdbc.sql("""
                    insert into draft (practice_id, user_id, scope, content_ciphertext, updated_at)
                    values (:p, :u, :s, :c, :now)""")
                    .param("p", actor.practiceId().value()).param("u", actor.userId().value()).param("s", scope)
                    .param("c", ciphertext).param("now", now)
                    .update());
            if (!inserted) {
                // Saved from another tab a moment before: this one is newer.
                jdbc.sql("update draft set content_ciphertext = :c, updated_at = :now where user_id = :u and scope = :s")
                        .param("c", ciphertext).param("now", now).param("u", actor.userId().value())
                        .param("s", scope).update();
            }
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> load(Actor actor, String scope) {
        checkScope(actor, scope);
        Optional<byte[]> stored = jdbc.sql("select content_ciphertext from draft where user_id = :u and scope = :s and practice_id = :p")
                .param("u", actor.userId().value()).param("s", scope).param("p", actor.practiceId().value())
                .query(byte[].class).optional();
        return stored.map(c -> (Map<String, String>) json.readValue(
                new String(encryption.decrypt(actor.practiceId(), c, context(actor, scope)), StandardCharsets.UTF_8),
                LinkedHashMap.class)).orElse(Map.of());
    }

    /**
     * Where the caller has drafts: "new" and the ids of conversations with a reply being written.
     * Only the places, not what is in them (nothing is decrypted), for the home screen.
     */
    public java.util.Set<String> places(Actor actor) {
        return new java.util.HashSet<>(jdbc.sql("select scope from draft where user_id = :u and practice_id = :p")
                .param("u", actor.userId().value()).param("p", actor.practiceId().value())
                .query(String.class).list());
    }

    @Transactional
    public void discard(Actor actor, String scope) {
        jdbc.sql("delete from draft where user_id = :u and scope = :s")
                .param("u", actor.userId().value()).param("s", scope).update();
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
