package io.bedside.audit.web;


import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.audit.AuditReports;
import io.bedside.shared.Actor;
import io.bedside.web.WebPage;

/** "Who has looked at my record": a patient's own access report, in plain words. */
@Controller
@WebPage
class AccessPage {

    private final AuditReports reports;

    AccessPage(AuditReports reports) {
        this.reports = reports;
    }

    @GetMapping("/app/access")
    String access(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String cursor, Model model) {
        AuditReports.Page page = reports.find(actor, actor.isPatient() ? actor.patientId() : null, null, null, cursor, 50);
        model.addAttribute("entries", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        return "audit/access";
    }
}
