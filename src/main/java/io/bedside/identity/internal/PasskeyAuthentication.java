package io.bedside.identity.internal;

import java.util.UUID;

import io.bedside.shared.Actor;

/**
 * A browser session signed in with a passkey: the same {@link Actor} as a password sign-in, and
 * the passkey used, for the audit trail. User verification was required, so it is a complete
 * sign-in for staff too: no code is asked for.
 */
public class PasskeyAuthentication extends ActorAuthentication {

    private final UUID passkeyId;

    PasskeyAuthentication(Actor actor, UUID passkeyId) {
        super(actor, null);
        this.passkeyId = passkeyId;
    }

    public UUID passkeyId() {
        return passkeyId;
    }
}
