package io.bedside.admin.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.admin.PracticeAdministration;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/** The practice's audit trail, for all patients or one, and the check that nobody rewrote it. */
@Controller
@WebPage
class AuditAdminPages {

    private final PracticeAdministration admin;

    AuditAdminPages(PracticeAdministration admin) {
        this.admin = admin;
    }

    @GetMapping("/app/admin/audit")
    String trail(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String cursor, Model model) {
        PatientId patientId = patient == null || patient.isBlank() ? null : PatientId.parse(patient);
        var trail = admin.auditTrail(actor, patientId, cursor);
        model.addAttribute("patient", trail.patient());
        model.addAttribute("entries", trail.entries().items());
        model.addAttribute("patientNames", trail.patientNames());
        model.addAttribute("nextCursor", trail.entries().nextCursor());
        return "admin/audit";
    }

    @PostMapping("/app/admin/audit/verify")
    String verify(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("verification", admin.verifyAuditChain(actor));
        return trail(actor, null, null, model);
    }
}
