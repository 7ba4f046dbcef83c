package io.bedside.identity.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bedside.shared.Actor;

/**
 * Browser session lifetimes: an idle timeout that is shorter for staff (15 minutes) than for
 * patients (30), and an absolute limit (12 hours) after which the session ends however busy it is.
 */
class SessionPolicy {

    static final String SIGNED_IN_AT = "bedside.signedInAt";
    static final String IDLE_SECONDS = "bedside.idleSeconds";

    private final Duration patientIdle;
    private final Duration staffIdle;
    private final Duration absolute;

    SessionPolicy(Duration patientIdle, Duration staffIdle, Duration absolute) {
        this.patientIdle = patientIdle;
        this.staffIdle = staffIdle;
        this.absolute = absolute;
    }

    AuthenticationSuccessHandler onSignIn(AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            start(request.getSession(), authentication);
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private void start(HttpSession session, Authentication authentication) {
        boolean staff = authentication.getPrincipal() instanceof Actor actor && actor.isStaff();
        int idle = (int) (staff ? staffIdle : patientIdle).toSeconds();
        session.setMaxInactiveInterval(idle);
        session.setAttribute(IDLE_SECONDS, idle);
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
    }

    /** Ends sessions past the absolute limit before anything else sees them. */
    OncePerRequestFilter absoluteTimeout() {
        long limit = absolute.toMillis();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Long at
                        && System.currentTimeMillis() - at > limit) {
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        };
    }
}
