package io.bedside.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.CredentialChange;
import io.bedside.identity.CredentialChanged;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * An account's passkeys as their owner manages them: listed, named, removed; and each one added.
 * Every call takes the account, so another account's passkey id is answered like a missing one.
 * Adding and removing are audited and told to the account's email ({@link CredentialChanged}).
 */
@Service
public class Passkeys {

    static final int MAX_LABEL = 64;

    /** A passkey as its owner sees it. */
    public record Passkey(UUID id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    private final PasskeyRows rows;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Passkeys(PasskeyRows rows, UserAccounts accounts, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<Passkey> list(Actor owner) {
        return rows.byUser(owner.practiceId(), owner.userId()).stream()
                .map(s -> new Passkey(s.id(), s.record().getLabel(), s.record().getCreated(), s.record().getLastUsed()))
                .toList();
    }

    @Transactional
    public void rename(Actor owner, UUID id, String label) {
        String name = label(label, null);
        if (name == null) {
            throw new InvalidRequestException("label", "Give the passkey a name.");
        }
        if (!rows.rename(owner.practiceId(), owner.userId(), id, name)) {
            throw new NotFoundException("No such passkey.");
        }
        audit.record(AuditRecord.allowed(owner, owner.patientId(), AuditAction.PASSKEY_RENAMED, "passkey", id));
    }

    @Transactional
    public void remove(Actor owner, UUID id) {
        if (!rows.delete(owner.practiceId(), owner.userId(), id)) {
            throw new NotFoundException("No such passkey.");
        }
        audit.record(AuditRecord.allowed(owner, owner.patientId(), AuditAction.PASSKEY_REMOVED, "passkey", id));
        events.publishEvent(new CredentialChanged(owner.practiceId(), owner.userId(), CredentialChange.PASSKEY_REMOVED,
                Timestamps.now(clock)));
    }

    /**
     * Removes every passkey of an account that is closed or whose sign-ins are reset; in the
     * caller's transaction, which audits the closure itself.
     */
    @Transactional
    public int removeAll(PracticeId practice, UserId user) {
        int removed = 0;
        for (PasskeyRows.Stored s : rows.byUser(practice, user)) {
            removed += rows.delete(practice, user, s.id()) ? 1 : 0;
        }
        return removed;
    }

    /** A passkey just verified by registration, for the account of its user handle. */
    @Transactional
    void add(PasskeyRows.Owner owner, CredentialRecord record, String deviceName) {
        Actor actor = accounts.find(owner.userId()).filter(UserAccount::active)
                .filter(a -> a.practiceId().equals(owner.practiceId()))
                .orElseThrow(() -> new IllegalArgumentException("no active account for the passkey")).toActor();
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        rows.insert(id, owner, record, label(record.getLabel(), deviceName), now);
        audit.record(AuditRecord.allowed(actor, actor.patientId(), AuditAction.PASSKEY_ADDED, "passkey", id));
        events.publishEvent(new CredentialChanged(owner.practiceId(), owner.userId(), CredentialChange.PASSKEY_ADDED, now));
    }

    /** The name offered for a passkey made on this browser: its browser and system. */
    public static String suggestedName(String userAgent) {
        return label(DeviceNames.of(userAgent), "Passkey");
    }

    /** The name as typed, without control characters and cut to fit; else the fallback. */
    static String label(String typed, String fallback) {
        String clean = typed == null ? "" : typed.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.isEmpty()) {
            clean = fallback == null ? "" : fallback.strip();
        }
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > MAX_LABEL ? clean.substring(0, MAX_LABEL).strip() : clean;
    }
}
