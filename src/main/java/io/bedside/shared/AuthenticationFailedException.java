package io.bedside.shared;

/** Credentials were wrong, unknown, expired or revoked. One answer for all, on purpose. */
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException() {
        super("The username or password is not correct.");
    }

    /** A second step of signing in is missing or wrong: what to do about it, naming no account. */
    public AuthenticationFailedException(String detail) {
        super(detail);
    }
}
