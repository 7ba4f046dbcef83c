package io.bedside.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bedside.web.ProblemResponses;
import io.bedside.web.Problems;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request that presents a token which is
 * unknown, expired or revoked is refused outright rather than treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final Families families;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, Families families, ProblemResponses problems) {
        this.tokens = tokens;
        this.families = families;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(PREFIX.length()).trim();
        var valid = token.isEmpty() || token.length() > 200 ? Optional.<ApiTokens.Valid>empty()
                : tokens.authenticate(token);
        // A proxy's family is resolved on every request: a revoked or lapsed grant ends here.
        var actor = valid.flatMap(v -> families.actorOf(v.account(), null));
        if (actor.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED,
                    "The bearer token is not valid: it is unknown, expired or revoked. Sign in again."));
            return;
        }
        tokens.touch(valid.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor.get(), valid.get().tokenId()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
