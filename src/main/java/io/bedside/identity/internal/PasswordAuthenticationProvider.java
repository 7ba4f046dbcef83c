package io.bedside.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.bedside.shared.Actor;
import io.bedside.shared.AuthenticationFailedException;
import io.bedside.shared.TooManyRequestsException;

/**
 * Password sign-in for the browser: the API's own check ({@link PasswordSignIn#verify}), ending in
 * a session whose principal is the {@link io.bedside.shared.Actor}.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    /** Sign-in refused by the throttle, or turned away while busy; the login page says to wait. */
    static class ThrottledException extends AuthenticationException {
        private final boolean busy;

        ThrottledException(String message, boolean busy) {
            super(message);
            this.busy = busy;
        }

        String page() {
            return busy ? "/login?busy" : "/login?throttled";
        }
    }

    private final PasswordSignIn passwords;
    private final Families families;

    PasswordAuthenticationProvider(PasswordSignIn passwords, Families families) {
        this.passwords = passwords;
        this.families = families;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : "unknown";
        try {
            var account = passwords.verify(String.valueOf(authentication.getName()),
                    String.valueOf(authentication.getCredentials()), address);
            // A proxy whose every grant has ended has no one left to act for: as a closed account.
            Actor actor = families.actorOf(account, null)
                    .orElseThrow(() -> new BadCredentialsException("The email or password is not correct."));
            return new ActorAuthentication(actor, null);
        } catch (TooManyRequestsException e) {
            throw new ThrottledException(e.getMessage(), e instanceof SignInBusyException);
        } catch (AuthenticationFailedException e) {
            throw new BadCredentialsException("The email or password is not correct.");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
