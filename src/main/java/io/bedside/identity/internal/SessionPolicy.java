package io.bedside.identity.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bedside.shared.Actor;
import io.bedside.web.RequestPaths;

/**
 * Browser session lifetimes: an idle timeout that is shorter for staff (15 minutes) than for
 * patients (30), and an absolute limit (12 hours) after which the session ends however busy it is.
 *
 * <p>Idle means "the person did nothing": requests the page makes by itself (live refreshes marked
 * {@value #BACKGROUND_HEADER}, the event stream) do not count as activity, or an inbox left open on
 * a shared workstation would never sign out.
 *
 * <p>Every signed-in session is registered in {@link SessionRegistry} (the database), and checked
 * there on every request: a session ended from the devices list, by a password change or reset on
 * any node, or whose account was disabled, ends at its next request.
 */
public class SessionPolicy {

    static final String SIGNED_IN_AT = "bedside.signedInAt";
    static final String IDLE_SECONDS = "bedside.idleSeconds";
    static final String LAST_ACTIVE_AT = "bedside.lastActiveAt";
    static final String BACKGROUND_HEADER = "X-Bedside-Background";

    private final Duration patientIdle;
    private final Duration staffIdle;
    private final Duration absolute;
    private final SessionRegistry registry;

    SessionPolicy(Duration patientIdle, Duration staffIdle, Duration absolute, SessionRegistry registry) {
        this.patientIdle = patientIdle;
        this.staffIdle = staffIdle;
        this.absolute = absolute;
        this.registry = registry;
    }

    /** How long a session of this kind may idle, and at most last: for the devices list. */
    Duration idle(boolean staff) {
        return staff ? staffIdle : patientIdle;
    }

    Duration absolute() {
        return absolute;
    }

    /**
     * A session has just been signed in (password form, a patient's link, an invitation): its
     * lifetimes, and its row in the registry.
     */
    void start(HttpServletRequest request, Authentication authentication) {
        HttpSession session = request.getSession();
        if (session.getAttribute(SessionRegistry.HANDLE) instanceof String earlier) {
            registry.end(earlier);
        }
        if (authentication.getPrincipal() instanceof Actor signedIn) {
            session.setAttribute(SessionRegistry.HANDLE, registry.start(signedIn.practiceId(), signedIn.userId(),
                    DeviceNames.of(request.getHeader("User-Agent"))));
        }
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
     * Whether a signed-in session is over: invalidated, idle past its limit or past the absolute
     * limit, as the filter below would find at its next request. For what holds a session open
     * without requests (an event stream).
     */
    public boolean isOver(HttpSession session) {
        try {
            if (!(session.getAttribute(SIGNED_IN_AT) instanceof Long at)) {
                return true;
            }
            long now = System.currentTimeMillis();
            return now - at > absolute.toMillis() || idledOut(session, now);
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }

    private static boolean idledOut(HttpSession session, long now) {
        return session.getAttribute(LAST_ACTIVE_AT) instanceof Long last
                && session.getAttribute(IDLE_SECONDS) instanceof Integer idle
                && now - last > idle * 1000L;
    }

    /**
     * Ends sessions past the absolute limit, idle past their limit, ended in the registry (from the
     * devices list, by a password change, on any node) or of a disabled account, before anything
     * else sees them; and notes the reader's activity.
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
                    boolean idledOut = idledOut(session, now);
                    boolean ended = !idledOut && now - at <= limit && !registered(session);
                    if (now - at > limit || idledOut || ended) {
                        session.invalidate();
                        if ((idledOut || ended) && isPageVisit(request)) {
                            response.sendRedirect(request.getContextPath() + (idledOut ? "/login?timeout" : "/login?expired"));
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

    /** Whether the session's registry row is still open (and its account active); notes its use. */
    private boolean registered(HttpSession session) {
        if (!(session.getAttribute(SessionRegistry.HANDLE) instanceof String handle)) {
            return false;
        }
        var live = registry.live(handle);
        live.ifPresent(registry::touch);
        return live.isPresent();
    }

    /** A session that ends in the container (sign-out, timeout, expiry) ends in the registry too. */
    HttpSessionListener endInRegistry() {
        return new HttpSessionListener() {
            @Override
            public void sessionDestroyed(HttpSessionEvent event) {
                try {
                    if (event.getSession().getAttribute(SessionRegistry.HANDLE) instanceof String handle) {
                        registry.end(handle);
                    }
                } catch (RuntimeException e) {
                    // Shutting down, or the database is away: the row is refused at its next use anyway.
                }
            }
        };
    }

    static boolean isBackground(HttpServletRequest request) {
        return request.getHeader(BACKGROUND_HEADER) != null || RequestPaths.of(request).equals("/api/v1/events");
    }

    private static boolean isPageVisit(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && !RequestPaths.isApi(request);
    }
}
