package io.bedside.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.internal.FamilyScope;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The switcher ("Myself", "Leo", "Carol"): the pages act for the record chosen here until another is
 * chosen. Only the choice is kept in the session; whether the account may still act for it is
 * decided again on every request ({@link FamilyScope}).
 */
@Controller
@WebPage
class FamilySwitchPages {

    @PostMapping("/app/acting-for")
    String choose(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String patientId,
            HttpServletRequest request) {
        if (!actor.isPatient() || patientId == null) {
            throw new NotFoundException();
        }
        PatientId chosen = PatientId.of(Ids.parseField("patientId", patientId));
        // Someone the account does not act for is answered like a missing id.
        actor.actingAs(chosen);
        request.getSession().setAttribute(FamilyScope.CHOSEN, chosen);
        // The list of the chosen record: a conversation of the other one would not be theirs to show.
        return "redirect:/app/conversations";
    }
}
