package io.bedside.shared;

/** Credentials were wrong, unknown, expired or revoked. One answer for all, on purpose. */
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException() {
        super("The username or password is not correct.");
    }
}
