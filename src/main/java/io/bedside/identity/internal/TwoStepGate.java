package io.bedside.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bedside.shared.Actor;
import io.bedside.web.ProblemResponses;
import io.bedside.web.Problems;
import io.bedside.web.RequestPaths;

/**
 * Holds a staff member's browser session at the second step of signing in: after the password,
 * the session is marked pending until a code from their authenticator app is given (or, the first
 * time, until one is set up), and meanwhile it reaches nothing but those two pages.
 */
public class TwoStepGate {

    /** The session attribute: {@code verify} or {@code setup} while the second step is pending. */
    public static final String PENDING = "bedside.twoStep";
    public static final String VERIFY = "verify";
    public static final String SETUP = "setup";
    public static final String VERIFY_PAGE = "/login/two-step";
    public static final String SETUP_PAGE = "/login/two-step/setup";

    private static final List<String> OPEN = List.of(VERIFY_PAGE, SETUP_PAGE, "/login", "/logout", "/error", "/accessibility",
            "/favicon.ico", "/actuator/health", "/manifest.webmanifest", "/sw.js", "/offline.html");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

    private final TwoStep twoStep;

    TwoStepGate(TwoStep twoStep) {
        this.twoStep = twoStep;
    }

    /** After the password: on to the second step for staff who need one, else where they were going. */
    AuthenticationSuccessHandler onSignIn(SessionPolicy sessions, AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            sessions.start(request, authentication);
            String step = secondStep(authentication);
            if (step == null) {
                next.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            request.getSession().setAttribute(PENDING, step);
            response.sendRedirect(request.getContextPath() + (step.equals(SETUP) ? SETUP_PAGE : VERIFY_PAGE));
        };
    }

    private String secondStep(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof Actor actor) || !twoStep.required(actor.userId(), actor.kind())) {
            return null;
        }
        return twoStep.enrolled(actor.userId()) ? VERIFY : SETUP;
    }

    OncePerRequestFilter filter(ProblemResponses problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Object step = session == null ? null : session.getAttribute(PENDING);
                String path = RequestPaths.of(request);
                if (step == null || OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
                    chain.doFilter(request, response);
                    return;
                }
                if ("GET".equals(request.getMethod()) && !path.startsWith("/api/") && request.getHeader("HX-Request") == null) {
                    response.sendRedirect(request.getContextPath() + (SETUP.equals(step) ? SETUP_PAGE : VERIFY_PAGE));
                    return;
                }
                problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED,
                        "Finish signing in first: enter the code from your authenticator app."));
            }
        };
    }
}
