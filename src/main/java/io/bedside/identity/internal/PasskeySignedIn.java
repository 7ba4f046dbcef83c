package io.bedside.identity.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;

/**
 * After a passkey sign-in: the session starts as after a password (its registry row, its idle and
 * absolute limits, a patient's language), with no second step pending, and the sign-in is audited.
 * The page's script is told where to go next ({@code {"authenticated":true,"redirectUrl":...}}).
 */
class PasskeySignedIn implements AuthenticationSuccessHandler {

    private final SessionPolicy sessions;
    private final PatientLanguage language;
    private final AuditTrail audit;
    private final AuthenticationSuccessHandler answer = new HttpMessageConverterAuthenticationSuccessHandler();

    PasskeySignedIn(SessionPolicy sessions, PatientLanguage language, AuditTrail audit) {
        this.sessions = sessions;
        this.language = language;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        PasskeyAuthentication signedIn = (PasskeyAuthentication) authentication;
        sessions.start(request, signedIn);
        request.getSession().removeAttribute(TwoStepGate.PENDING);
        language.apply(signedIn.getPrincipal(), request, response);
        audit.record(AuditRecord.allowed(signedIn.getPrincipal(), signedIn.getPrincipal().patientId(),
                AuditAction.PASSKEY_SIGNED_IN, "passkey", signedIn.passkeyId()));
        answer.onAuthenticationSuccess(request, response, authentication);
    }
}
