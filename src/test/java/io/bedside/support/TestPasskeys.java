package io.bedside.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.bedside.shared.Actor;

/**
 * Passkey rows written straight into the tables, for tests of what the pages and the sign-in do
 * with one that exists (a real one needs a browser's authenticator: PasskeyBrowserTests). Its
 * public key is not a key: no assertion can verify against it.
 */
public final class TestPasskeys {

    /** A stored passkey: the pages' id and the WebAuthn credential id (base64url). */
    public record Seeded(UUID id, String credentialId) {
    }

    private TestPasskeys() {
    }

    public static Seeded seed(JdbcClient jdbc, Actor owner, String label) {
        String handle = jdbc.sql("select user_handle from passkey_user where user_id = :u").param("u", owner.userId().value())
                .query(String.class).optional().orElseGet(() -> {
                    String made = random(32);
                    jdbc.sql("insert into passkey_user (user_handle, user_id, practice_id, created_at) values (:h, :u, :p, :now)")
                            .param("h", made).param("u", owner.userId().value()).param("p", owner.practiceId().value())
                            .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
                    return made;
                });
        UUID id = UUID.randomUUID();
        String credentialId = random(32);
        jdbc.sql("""
                insert into passkey (id, credential_id, practice_id, user_id, user_handle, label, credential_type,
                  public_key, signature_count, uv_initialized, backup_eligible, backup_state, transports, created_at)
                values (:id, :cid, :p, :u, :h, :label, 'public-key', :key, 0, true, false, false, 'internal', :now)""")
                .param("id", id).param("cid", credentialId).param("p", owner.practiceId().value())
                .param("u", owner.userId().value()).param("h", handle).param("label", label)
                .param("key", new byte[] {1, 2, 3}).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return new Seeded(id, credentialId);
    }

    public static void delete(JdbcClient jdbc, UUID id) {
        jdbc.sql("delete from passkey where id = :id").param("id", id).update();
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        new java.security.SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
