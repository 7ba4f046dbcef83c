package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.internal.Drafts;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/** Drafts on the server: kept per owner and place, encrypted, replaced as typing goes on, gone when discarded. */
@BothDatabases
class DraftsIntegrationTests extends ApplicationTest {

    @Autowired
    Drafts drafts;

    @Test
    void aDraftIsKeptEncryptedReplacedAndDiscarded() {
        Actor alice = actor(ALICE);
        drafts.save(alice, Drafts.NEW_CONVERSATION, Map.of("subject", "Refill", "body", "First words"));
        drafts.save(alice, Drafts.NEW_CONVERSATION, Map.of("subject", "Refill", "body", "First words, and more"));

        assertThat(drafts.load(alice, Drafts.NEW_CONVERSATION)).containsEntry("body", "First words, and more");
        byte[] stored = jdbc.sql("select content_ciphertext from draft where user_id = :u and scope = 'new'")
                .param("u", alice.userId().value()).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("First words");
        assertThat(drafts.load(actor(BOB), Drafts.NEW_CONVERSATION)).doesNotContainEntry("body", "First words, and more");

        drafts.discard(alice, Drafts.NEW_CONVERSATION);
        assertThat(drafts.load(alice, Drafts.NEW_CONVERSATION)).isEmpty();
    }

    @Test
    void aReplyDraftNeedsAConversationTheOwnerMaySee() {
        String alices = demo.startAsPatient(ALICE, "Dr. Patel", "Draft place", "Hello");
        drafts.save(actor(ALICE), alices, Map.of("body", "half a reply"));
        assertThat(drafts.load(actor(ALICE), alices)).containsEntry("body", "half a reply");

        assertThatThrownBy(() -> drafts.save(actor(BOB), alices, Map.of("body", "not mine")))
                .isInstanceOf(NotFoundException.class);
    }

    private Actor actor(String email) {
        var me = demo.me(email);
        return new Actor(UserId.of(UUID.fromString(me.get("id").asString())),
                PracticeId.of(UUID.fromString(me.get("practice").get("id").asString())), Actor.Kind.PATIENT, Set.of(),
                PatientId.of(UUID.fromString(me.get("patientId").asString())));
    }
}
