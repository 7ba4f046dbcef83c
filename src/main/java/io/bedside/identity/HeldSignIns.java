package io.bedside.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import io.bedside.identity.internal.ActorAuthentication;
import io.bedside.identity.internal.ApiTokens;
import io.bedside.identity.internal.SessionPolicy;
import io.bedside.identity.internal.SessionRegistry;
import io.bedside.shared.UserId;

/**
 * Sign-ins held beyond one request, by an open event stream: what the stream was opened with (an
 * API token, or a browser session), and whether that still holds, checked for many at once. A
 * revoked or expired token, a session signed out, ended, idle or past its absolute limit, and a
 * disabled account all no longer hold.
 */
@Service
public class HeldSignIns {

    /** What a request was signed in with: a token's id, or a browser session and its registry handle. */
    public record Held(UserId userId, UUID tokenId, String sessionHandle, HttpSession session) {
        @Override
        public String toString() {
            return "Held[token=" + tokenId + "]";
        }
    }

    private static final int CHUNK = 1000;

    private final ApiTokens tokens;
    private final SessionRegistry sessions;
    // Defined with the web security; without a web server there are no sessions to hold.
    private final ObjectProvider<SessionPolicy> policy;

    HeldSignIns(ApiTokens tokens, SessionRegistry sessions, ObjectProvider<SessionPolicy> policy) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.policy = policy;
    }

    /** What the request in hand was signed in with. */
    public Held of(HttpServletRequest request, UserId user) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication token) {
            return new Held(user, token.tokenId(), null, null);
        }
        HttpSession session = request.getSession(false);
        String handle = session != null && session.getAttribute(SessionRegistry.HANDLE) instanceof String h ? h : null;
        return new Held(user, null, handle, session);
    }

    /** Those of the given sign-ins that no longer hold; two queries per thousand, whatever their mix. */
    public Set<Held> ended(Collection<Held> held) {
        List<UUID> tokenIds = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        Set<Held> ended = new HashSet<>();
        for (Held h : held) {
            if (h.tokenId() != null) {
                tokenIds.add(h.tokenId());
            } else if (h.sessionHandle() != null && !policy.getObject().isOver(h.session())) {
                handles.add(h.sessionHandle());
            } else {
                ended.add(h);
            }
        }
        Set<UUID> validTokens = new HashSet<>();
        for (int i = 0; i < tokenIds.size(); i += CHUNK) {
            validTokens.addAll(tokens.stillValid(tokenIds.subList(i, Math.min(tokenIds.size(), i + CHUNK))));
        }
        Set<String> liveHandles = new HashSet<>();
        for (int i = 0; i < handles.size(); i += CHUNK) {
            liveHandles.addAll(sessions.stillLive(handles.subList(i, Math.min(handles.size(), i + CHUNK))));
        }
        for (Held h : held) {
            boolean holds = h.tokenId() != null ? validTokens.contains(h.tokenId()) : liveHandles.contains(h.sessionHandle());
            if (!holds) {
                ended.add(h);
            }
        }
        return ended;
    }
}
