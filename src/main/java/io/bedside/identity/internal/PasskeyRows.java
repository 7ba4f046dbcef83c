package io.bedside.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The {@code passkey_user} table (each account's random WebAuthn user handle) and the
 * {@code passkey} table (public keys). Credential ids and handles are kept as base64url text.
 */
@Repository
class PasskeyRows {

    /** An account's user handle. */
    record Owner(String userHandle, UserId userId, PracticeId practiceId) {
    }

    /** A stored passkey: its own id (the pages' handle) and owner, and the record WebAuthn checks. */
    record Stored(UUID id, UserId userId, PracticeId practiceId, CredentialRecord record) {
    }

    private static final String COLUMNS = """
            p.id, p.credential_id, p.practice_id, p.user_id, p.user_handle, p.label, p.credential_type, p.public_key,
            p.signature_count, p.uv_initialized, p.backup_eligible, p.backup_state, p.transports,
            p.attestation_object, p.attestation_client_data_json, p.created_at, p.last_used_at""";

    private final JdbcClient jdbc;

    PasskeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Owner> ownerByHandle(String handle) {
        return jdbc.sql("select user_handle, user_id, practice_id from passkey_user where user_handle = :h")
                .param("h", handle).query(PasskeyRows::owner).optional();
    }

    Optional<Owner> ownerByUser(UserId user) {
        return jdbc.sql("select user_handle, user_id, practice_id from passkey_user where user_id = :u")
                .param("u", user.value()).query(PasskeyRows::owner).optional();
    }

    void insertOwner(Owner owner, Instant now) {
        jdbc.sql("""
                insert into passkey_user (user_handle, user_id, practice_id, created_at)
                values (:h, :u, :p, :now)""")
                .param("h", owner.userHandle()).param("u", owner.userId().value())
                .param("p", owner.practiceId().value()).param("now", Timestamps.toDb(now)).update();
    }

    void insert(UUID id, Owner owner, CredentialRecord r, String label, Instant now) {
        jdbc.sql("""
                insert into passkey (id, credential_id, practice_id, user_id, user_handle, label, credential_type,
                  public_key, signature_count, uv_initialized, backup_eligible, backup_state, transports,
                  attestation_object, attestation_client_data_json, created_at)
                values (:id, :cid, :p, :u, :h, :label, :type, :key, :count, :uv, :be, :bs, :transports,
                  :ao, :cd, :now)""")
                .param("id", id).param("cid", r.getCredentialId().toBase64UrlString())
                .param("p", owner.practiceId().value()).param("u", owner.userId().value())
                .param("h", owner.userHandle()).param("label", label)
                .param("type", r.getCredentialType().getValue()).param("key", r.getPublicKey().getBytes())
                .param("count", r.getSignatureCount()).param("uv", r.isUvInitialized())
                .param("be", r.isBackupEligible()).param("bs", r.isBackupState())
                .param("transports", r.getTransports().stream().map(AuthenticatorTransport::getValue)
                        .sorted().collect(Collectors.joining(",")))
                .param("ao", r.getAttestationObject() == null ? null : r.getAttestationObject().getBytes())
                .param("cd", r.getAttestationClientDataJSON() == null ? null : r.getAttestationClientDataJSON().getBytes())
                .param("now", Timestamps.toDb(now)).update();
    }

    /**
     * After a sign-in: the new counter and the time, only while the counter moves forward (or the
     * authenticator keeps none: zero both times). False when it went back.
     */
    boolean used(String credentialId, long count, boolean backupState, Instant now) {
        return jdbc.sql("""
                update passkey set signature_count = :count, backup_state = :bs, last_used_at = :now
                 where credential_id = :cid and (signature_count < :count or (signature_count = 0 and :count = 0))""")
                .param("count", count).param("bs", backupState).param("now", Timestamps.toDb(now))
                .param("cid", credentialId).update() == 1;
    }

    Optional<Stored> byCredentialId(String credentialId) {
        return jdbc.sql("select " + COLUMNS + " from passkey p where p.credential_id = :cid")
                .param("cid", credentialId).query(PasskeyRows::stored).optional();
    }

    List<Stored> byHandle(String handle) {
        return jdbc.sql("select " + COLUMNS + " from passkey p where p.user_handle = :h order by p.created_at, p.id")
                .param("h", handle).query(PasskeyRows::stored).list();
    }

    List<Stored> byUser(PracticeId practice, UserId user) {
        return jdbc.sql("select " + COLUMNS + " from passkey p where p.practice_id = :p and p.user_id = :u"
                + " order by p.created_at, p.id")
                .param("p", practice.value()).param("u", user.value()).query(PasskeyRows::stored).list();
    }

    /** One passkey of this account; empty for a missing id or another account's. */
    Optional<Stored> ofUser(PracticeId practice, UserId user, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from passkey p where p.id = :id and p.practice_id = :p and p.user_id = :u")
                .param("id", id).param("p", practice.value()).param("u", user.value())
                .query(PasskeyRows::stored).optional();
    }

    boolean rename(PracticeId practice, UserId user, UUID id, String label) {
        return jdbc.sql("update passkey set label = :label where id = :id and practice_id = :p and user_id = :u")
                .param("label", label).param("id", id).param("p", practice.value()).param("u", user.value())
                .update() == 1;
    }

    boolean delete(PracticeId practice, UserId user, UUID id) {
        return jdbc.sql("delete from passkey where id = :id and practice_id = :p and user_id = :u")
                .param("id", id).param("p", practice.value()).param("u", user.value()).update() == 1;
    }

    private static Owner owner(ResultSet rs, int n) throws SQLException {
        return new Owner(rs.getString("user_handle"), new UserId(rs.getObject("user_id", UUID.class)),
                new PracticeId(rs.getObject("practice_id", UUID.class)));
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        String transports = rs.getString("transports");
        Set<AuthenticatorTransport> parsed = transports.isEmpty() ? Set.of()
                : Arrays.stream(transports.split(",")).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
        byte[] attestation = rs.getBytes("attestation_object");
        byte[] clientData = rs.getBytes("attestation_client_data_json");
        Instant lastUsed = rs.getObject("last_used_at") == null ? null : Timestamps.fromDb(rs, "last_used_at");
        CredentialRecord record = ImmutableCredentialRecord.builder()
                .credentialId(Bytes.fromBase64(rs.getString("credential_id")))
                .userEntityUserId(Bytes.fromBase64(rs.getString("user_handle")))
                .credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(parsed)
                .attestationObject(attestation == null ? null : new Bytes(attestation))
                .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
                .label(rs.getString("label"))
                .created(Timestamps.fromDb(rs, "created_at"))
                .lastUsed(lastUsed)
                .build();
        return new Stored(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
                new PracticeId(rs.getObject("practice_id", UUID.class)), record);
    }
}
