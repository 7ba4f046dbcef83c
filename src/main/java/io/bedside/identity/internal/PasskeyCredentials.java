package io.bedside.identity.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.bedside.shared.Timestamps;

/**
 * Spring Security's store of passkeys, on the {@code passkey} table. A new credential is added
 * through {@link Passkeys} (audited, told to the owner); a known one is a sign-in, whose counter
 * must move forward: one that went back means a copied authenticator, and the sign-in is refused.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

    /** A signature counter that did not move forward: possibly a cloned authenticator. */
    static class CounterWentBackException extends IllegalStateException {
        CounterWentBackException() {
            super("The passkey's signature counter went back.");
        }
    }

    private final PasskeyRows rows;
    private final Passkeys passkeys;
    private final Clock clock;

    PasskeyCredentials(PasskeyRows rows, Passkeys passkeys, Clock clock) {
        this.rows = rows;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @Override
    public void save(CredentialRecord record) {
        String id = record.getCredentialId().toBase64UrlString();
        if (rows.byCredentialId(id).isPresent()) {
            if (!rows.used(id, record.getSignatureCount(), record.isBackupState(), Timestamps.now(clock))) {
                throw new CounterWentBackException();
            }
            return;
        }
        PasskeyRows.Owner owner = rows.ownerByHandle(record.getUserEntityUserId().toBase64UrlString())
                .orElseThrow(() -> new IllegalArgumentException("no account for the passkey's user handle"));
        passkeys.add(owner, record, deviceName());
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return rows.byCredentialId(credentialId.toBase64UrlString()).map(PasskeyRows.Stored::record).orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userHandle) {
        return rows.byHandle(userHandle.toBase64UrlString()).stream().map(PasskeyRows.Stored::record).toList();
    }

    /** Passkeys are removed only by their owner, from the settings page ({@link Passkeys#remove}). */
    @Override
    public void delete(Bytes credentialId) {
        throw new UnsupportedOperationException("passkeys are removed from the settings page");
    }

    /** The browser and system the passkey was made on, for a name left empty. */
    private static String deviceName() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? DeviceNames.of(a.getRequest().getHeader("User-Agent")) : null;
    }
}
