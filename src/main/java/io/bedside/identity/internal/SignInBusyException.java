package io.bedside.identity.internal;

import java.time.Duration;

import io.bedside.shared.TooManyRequestsException;

/**
 * Too many sign-ins for one account or from one address are already waiting for a password check
 * on this node: this one is turned away uncounted, to try again in a moment.
 */
class SignInBusyException extends TooManyRequestsException {

    public SignInBusyException() {
        super("Sign-in is busy. Please try again in a moment.", Duration.ofSeconds(1));
    }
}
