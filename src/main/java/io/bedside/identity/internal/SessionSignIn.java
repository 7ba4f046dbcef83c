package io.bedside.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import io.bedside.shared.Actor;

/**
 * Starts a browser session for someone who proved who they are another way than the password
 * form (a one-time link and their date of birth): a new session id, the same lifetimes.
 */
@Component
@ConditionalOnWebApplication
public class SessionSignIn {

    private final SessionPolicy policy;
    private final PatientLanguage language;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionSignIn(SessionPolicy policy, PatientLanguage language) {
        this.policy = policy;
        this.language = language;
    }

    public void signIn(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        ActorAuthentication authentication = new ActorAuthentication(actor, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
        policy.start(request, authentication);
        language.apply(actor, request, response);
    }
}
