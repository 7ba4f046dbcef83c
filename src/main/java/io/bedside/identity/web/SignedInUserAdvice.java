package io.bedside.identity.web;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.bedside.identity.Accounts;
import io.bedside.identity.UserProfile;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.patient.Patients;
import io.bedside.shared.ActingFor;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/**
 * What every page's layout needs to know about the signed-in reader: who they are (for the
 * header and the navigation), their practice's time zone (for the times shown), and how long their
 * session may idle (so the page can warn before it ends). Pages of every module get it here, so a
 * feature's pages need not reach into identity for it.
 */
@ControllerAdvice(annotations = WebPage.class)
class SignedInUserAdvice {

    /** One entry of the switcher: a record the account acts for, and whether it is shown now. */
    record FamilyChoice(String id, String name, boolean self, boolean current) {
        @Override
        public String toString() {
            return "FamilyChoice[" + id + "]";
        }
    }

    private final Accounts accounts;
    private final Practices practices;
    private final Patients patients;

    SignedInUserAdvice(Accounts accounts, Practices practices, Patients patients) {
        this.accounts = accounts;
        this.practices = practices;
        this.patients = patients;
    }

    @ModelAttribute
    void signedIn(@AuthenticationPrincipal Actor actor, HttpServletRequest request, Model model) {
        if (actor == null) {
            return;
        }
        UserProfile me = accounts.profile(actor);
        model.addAttribute("me", me);
        if (actor.isPatient() && actor.family().size() > 1) {
            // "Myself", "Leo", "Carol": names the reader may see already (they act for each).
            Map<PatientId, String> names = patients.displayNames(actor.practiceId(),
                    actor.family().stream().map(ActingFor::patientId).toList());
            model.addAttribute("family", actor.family().stream().map(f -> new FamilyChoice(f.patientId().toString(),
                    names.getOrDefault(f.patientId(), ""), f.isSelf(), f.patientId().equals(actor.patientId())))
                    .toList());
        }
        Optional<Practice> practice = practices.find(actor.practiceId());
        model.addAttribute("zone", practice.map(Practice::timeZone).orElse(ZoneId.of("UTC")));
        // The footer shows patients their practice's name, phone and address.
        practice.ifPresent(p -> model.addAttribute("practice", p));
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute("bedside.idleSeconds") instanceof Integer idle) {
            model.addAttribute("idleSeconds", idle);
            model.addAttribute("idleMinutes", Math.max(1, idle / 60));
        }
    }
}
