package io.bedside.admin.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.bedside.admin.PracticeAdministration;
import io.bedside.admin.RosterImport;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/** The roster import page: choose a CSV or FHIR file, see what was added, updated and refused. */
@Controller
@WebPage
class RosterPages {

    private final RosterImport roster;
    private final PracticeAdministration admin;

    RosterPages(RosterImport roster, PracticeAdministration admin) {
        this.roster = roster;
        this.admin = admin;
    }

    @GetMapping("/app/admin/roster")
    String page(@AuthenticationPrincipal Actor actor, Model model) {
        requireAdmin(actor);
        model.addAttribute("errors", Map.of());
        return "admin/roster";
    }

    @PostMapping("/app/admin/roster")
    String upload(@AuthenticationPrincipal Actor actor, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String onError, Model model, HttpServletResponse response)
            throws IOException {
        requireAdmin(actor);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "Choose a CSV or FHIR JSON file.");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            RosterImport.Format format = name.endsWith(".json") || name.endsWith(".fhir") ? RosterImport.Format.FHIR
                    : RosterImport.Format.CSV;
            model.addAttribute("report", roster.run(actor, format, file.getBytes(),
                    RosterImportController.onError(onError)));
            model.addAttribute("errors", Map.of());
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        }
        return "admin/roster";
    }

    @PostMapping("/app/admin/roster/invite-all")
    String inviteAll(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("invitedAll", admin.inviteAllPatients(actor));
        model.addAttribute("errors", Map.of());
        return "admin/roster";
    }

    @PostMapping("/app/admin/patients/{id}/invite")
    String invite(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id) {
        admin.invitePatient(actor, id);
        return "redirect:/app/patients/" + id + "?invited";
    }

    private static void requireAdmin(Actor actor) {
        actor.requireStaff();
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins import patients.");
        }
    }
}
