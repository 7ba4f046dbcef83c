package io.bedside.identity.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;

import io.bedside.identity.CurrentSignIn;
import io.bedside.identity.internal.ActorAuthentication;
import io.bedside.identity.internal.SessionRegistry;

/** Which session or token the request in hand came through. */
final class CurrentSignIns {

    private CurrentSignIns() {
    }

    static CurrentSignIn of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String handle = session != null && session.getAttribute(SessionRegistry.HANDLE) instanceof String h ? h : null;
        UUID token = SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication a
                ? a.tokenId() : null;
        return new CurrentSignIn(handle, token);
    }
}
