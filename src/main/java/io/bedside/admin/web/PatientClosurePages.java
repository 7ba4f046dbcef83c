package io.bedside.admin.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.admin.PatientClosures;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/** The close and reopen forms of the staff app's patient page ({@code /app/patients/{id}}). */
@Controller
@WebPage
class PatientClosurePages {

    private final PatientClosures closures;

    PatientClosurePages(PatientClosures closures) {
        this.closures = closures;
    }

    @PostMapping("/app/admin/patients/{id}/close")
    String close(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id,
            @RequestParam(required = false) String reason) {
        closures.close(actor, id, reason);
        return "redirect:/app/patients/" + id + "?closed";
    }

    @PostMapping("/app/admin/patients/{id}/reopen")
    String reopen(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id,
            @RequestParam(required = false) String correction) {
        closures.reopen(actor, id, "true".equals(correction));
        return "redirect:/app/patients/" + id + "?reopened";
    }
}
