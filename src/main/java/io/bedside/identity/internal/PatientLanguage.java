package io.bedside.identity.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import io.bedside.patient.Patients;
import io.bedside.shared.Actor;

/**
 * A patient's pages speak the language of their record (English or Spanish, set on "My details"
 * or by the practice) from the moment they sign in, whatever language the sign-in page was in.
 */
@Component
@ConditionalOnWebApplication
class PatientLanguage {

    private final Patients patients;
    private final LocaleResolver locales;

    PatientLanguage(Patients patients, LocaleResolver locales) {
        this.patients = patients;
        this.locales = locales;
    }

    public void apply(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        if (actor == null || !actor.isPatient()) {
            return;
        }
        patients.preferredLanguage(actor.practiceId(), actor.patientId())
                .filter(l -> l != null && (l.startsWith("en") || l.startsWith("es")))
                .ifPresent(l -> locales.setLocale(request, response, Locale.forLanguageTag(l.substring(0, 2))));
    }

    /** The language first, then what sign-in does next. */
    AuthenticationSuccessHandler then(AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof Actor actor) {
                apply(actor, request, response);
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
