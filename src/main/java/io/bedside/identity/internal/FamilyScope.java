package io.bedside.identity.internal;

import java.io.IOException;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.web.ProblemResponses;
import io.bedside.web.Problems;
import io.bedside.web.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Resolves a signed-in patient-side account's family again on every page request, and acts for the
 * record chosen in the switcher ("Myself", "Leo", "Carol"). The session keeps only the choice; what
 * the account may act for is read from the grants each time, so a revoked or lapsed grant ends the
 * proxy's access to that record at its next request, and an account left with no one to act for is
 * signed out.
 */
public class FamilyScope extends OncePerRequestFilter {

    /** The session attribute that holds the switcher's choice (a {@link PatientId}). */
    public static final String CHOSEN = "bedside.actingFor";

    private final Families families;
    private final ProblemResponses problems;

    FamilyScope(Families families, ProblemResponses problems) {
        this.families = families;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        if (!(context.getAuthentication() instanceof ActorAuthentication signedIn) || !signedIn.getPrincipal().isPatient()) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        PatientId chosen = session != null && session.getAttribute(CHOSEN) instanceof PatientId p ? p : null;
        var scoped = families.rescope(signedIn.getPrincipal(), chosen);
        if (scoped.isEmpty()) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (RequestPaths.isApi(request)) {
                problems.write(response, Problems.unauthorized());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        Actor actor = scoped.get();
        // A fresh context for this request only: the session's stored one keeps the account as it
        // signed in, and nothing here is saved back to it.
        SecurityContext scopedContext = SecurityContextHolder.createEmptyContext();
        scopedContext.setAuthentication(new ActorAuthentication(actor, signedIn.tokenId()));
        SecurityContextHolder.setContext(scopedContext);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(context);
        }
    }
}
