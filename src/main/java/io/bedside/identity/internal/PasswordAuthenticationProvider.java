package io.bedside.identity.internal;

import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.bedside.shared.TooManyRequestsException;

/**
 * Password sign-in for the browser: the same checks as the API's token sign-in (Argon2id, the
 * dummy hash for unknown users, throttling per username and address), ending in a session whose
 * principal is the {@link io.bedside.shared.Actor}.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    /** Sign-in refused by the throttle; the login page says to wait. */
    static class ThrottledException extends AuthenticationException {
        ThrottledException(String message) {
            super(message);
        }
    }

    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;

    PasswordAuthenticationProvider(UserAccounts accounts, PasswordHashing hashing, LoginThrottle throttle) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = String.valueOf(authentication.getName()).trim().toLowerCase(Locale.ROOT);
        String password = String.valueOf(authentication.getCredentials());
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : "unknown";
        try {
            throttle.check(name, address);
        } catch (TooManyRequestsException e) {
            throw new ThrottledException(e.getMessage());
        }
        var account = accounts.findByEmail(name);
        String storedHash = account.filter(UserAccounts.Account::active).map(UserAccounts.Account::passwordHash)
                .orElse(null);
        if (password.length() > 1024 || !hashing.matches(password, storedHash)) {
            throttle.recordFailure(name, address);
            throw new BadCredentialsException("The email or password is not correct.");
        }
        throttle.recordSuccess(name);
        return new ActorAuthentication(account.orElseThrow().toActor(), null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
