package io.bedside.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.internal.ApiTokens;
import io.bedside.identity.internal.SessionRegistry;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.Timestamps;

/**
 * "Signed-in devices": each person's open browser sessions and API tokens, which they can end one
 * by one or all but the one in use. Ids are those of the registry rows, opaque; another account's
 * id is not found, exactly like a missing one. Every ending is audited.
 */
@Service
public class SignedInDevices {

    /** One session or token, as its owner sees it. */
    public record Device(UUID id, Kind kind, Instant createdAt, Instant lastUsedAt, String name, boolean current) {
        public enum Kind { BROWSER, API_TOKEN }
    }

    private final SessionRegistry sessions;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration patientIdle;
    private final Duration staffIdle;
    private final Duration absolute;

    SignedInDevices(SessionRegistry sessions, ApiTokens tokens, AuditTrail audit, Clock clock,
            @Value("${bedside.web.session.patient-idle:30m}") Duration patientIdle,
            @Value("${bedside.web.session.staff-idle:15m}") Duration staffIdle,
            @Value("${bedside.web.session.absolute:12h}") Duration absolute) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.patientIdle = patientIdle;
        this.staffIdle = staffIdle;
        this.absolute = absolute;
    }

    /** The caller's open sessions and tokens, the most recently used first. */
    public List<Device> list(Actor actor, CurrentSignIn current) {
        Instant now = Timestamps.now(clock);
        // A session idle past its limit (plus the minute last-seen times may lag) has ended in its node.
        Instant seenSince = now.minus(actor.isStaff() ? staffIdle : patientIdle).minus(Duration.ofMinutes(2));
        List<Device> devices = new ArrayList<>();
        for (var row : sessions.open(actor.practiceId(), actor.userId(), seenSince, now.minus(absolute))) {
            devices.add(new Device(row.id(), Device.Kind.BROWSER, row.createdAt(), row.lastSeenAt(), row.device(),
                    SessionRegistry.isHandle(row, current.sessionHandle())));
        }
        for (var row : tokens.open(actor.practiceId(), actor.userId())) {
            devices.add(new Device(row.id(), Device.Kind.API_TOKEN, row.createdAt(),
                    row.lastUsedAt() == null ? row.createdAt() : row.lastUsedAt(),
                    row.device() == null ? "API client" : row.device(), row.id().equals(current.tokenId())));
        }
        devices.sort(Comparator.comparing(Device::current).reversed()
                .thenComparing(Device::lastUsedAt, Comparator.reverseOrder()));
        return devices;
    }

    /** Ends one of the caller's sessions or tokens; not found for anyone else's, or an ended one. */
    @Transactional
    public void end(Actor actor, String id) {
        UUID parsed;
        try {
            parsed = Ids.parse(id);
        } catch (NotFoundException e) {
            throw new NotFoundException("No such session.");
        }
        if (!sessions.end(actor.practiceId(), actor.userId(), parsed)
                && !tokens.revoke(actor.practiceId(), actor.userId(), parsed)) {
            throw new NotFoundException("No such session.");
        }
        audit.record(AuditRecord.allowed(actor, null, "session.ended", "session", parsed));
    }

    /** Ends every session and token of the caller but the one in use; returns how many ended. */
    @Transactional
    public int endOthers(Actor actor, CurrentSignIn current) {
        int ended = endAllBut(actor, current);
        audit.record(AuditRecord.allowed(actor, null, "session.ended-others", "user", actor.userId()));
        return ended;
    }

    /** Ends every session and token of the account but the one in use (for a password change or reset). */
    int endAllBut(Actor actor, CurrentSignIn current) {
        return sessions.endAllExcept(actor.practiceId(), actor.userId(), current.sessionHandle())
                + tokens.revokeAllExcept(actor.practiceId(), actor.userId(), current.tokenId());
    }
}
