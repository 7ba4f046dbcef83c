package io.bedside.identity.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bedside.shared.Actor;

/**
 * Browser session lifetimes: an idle timeout that is shorter for staff (15 minutes) than for
 * patients (30), and an absolute limit (12 hours) after which the session ends however busy it is.
 *
 * <p>Idle means "the person did nothing": requests the page makes by itself (live refreshes marked
 * {@value #BACKGROUND_HEADER}, the event stream) do not count as activity, or an inbox left open on
 * a shared workstation would never sign out. A session whose account was disabled (or closed, or
 * whose sessions were ended since it began) ends at its next request.
 */
class SessionPolicy {

    static final String SIGNED_IN_AT = "bedside.signedInAt";
    static final String IDLE_SECONDS = "bedside.idleSeconds";
    static final String LAST_ACTIVE_AT = "bedside.lastActiveAt";
    static final String BACKGROUND_HEADER = "X-Bedside-Background";

    private final Duration patientIdle;
    private final Duration staffIdle;
    private final Duration absolute;
    /** Whether the account may keep a session that began at the given time (active, sessions not ended since). */
    private final java.util.function.BiPredicate<io.bedside.shared.UserId, java.time.Instant> active;

    SessionPolicy(Duration patientIdle, Duration staffIdle, Duration absolute,
            java.util.function.BiPredicate<io.bedside.shared.UserId, java.time.Instant> active) {
        this.patientIdle = patientIdle;
        this.staffIdle = staffIdle;
        this.absolute = absolute;
        this.active = active;
    }

    void start(HttpSession session, Authentication authentication) {
        boolean staff = authentication.getPrincipal() instanceof Actor actor && actor.isStaff();
        int idle = (int) (staff ? staffIdle : patientIdle).toSeconds();
        // The container's own expiry is only a backstop: the timeouts() filter decides, because it
        // can tell the reader's requests from the page's background ones.
        session.setMaxInactiveInterval(idle + 60);
        session.setAttribute(IDLE_SECONDS, idle);
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
        session.setAttribute(LAST_ACTIVE_AT, System.currentTimeMillis());
    }

    /**
     * Ends sessions past the absolute limit, idle past their limit, or of a disabled account,
     * before anything else sees them; and notes the reader's activity.
     */
    OncePerRequestFilter timeouts() {
        long limit = absolute.toMillis();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Long at) {
                    long now = System.currentTimeMillis();
                    boolean idledOut = session.getAttribute(LAST_ACTIVE_AT) instanceof Long last
                            && session.getAttribute(IDLE_SECONDS) instanceof Integer idle
                            && now - last > idle * 1000L;
                    if (now - at > limit || idledOut || disabled(session, at)) {
                        session.invalidate();
                        if (idledOut && isPageVisit(request)) {
                            response.sendRedirect(request.getContextPath() + "/login?timeout");
                            return;
                        }
                    } else if (!isBackground(request)) {
                        session.setAttribute(LAST_ACTIVE_AT, now);
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean disabled(HttpSession session, long signedInAt) {
        Object context = session.getAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof org.springframework.security.core.context.SecurityContext security
                && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof Actor actor
                && !active.test(actor.userId(), java.time.Instant.ofEpochMilli(signedInAt));
    }

    static boolean isBackground(HttpServletRequest request) {
        return request.getHeader(BACKGROUND_HEADER) != null || request.getRequestURI().equals("/api/v1/events");
    }

    private static boolean isPageVisit(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && !request.getRequestURI().startsWith("/api/");
    }
}
