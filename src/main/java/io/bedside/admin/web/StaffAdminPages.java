package io.bedside.admin.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.admin.PracticeAdministration;
import io.bedside.identity.Accounts;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/** The practice's staff: invite, invite again, disable and enable. */
@Controller
@WebPage
class StaffAdminPages {

    private final PracticeAdministration admin;

    StaffAdminPages(PracticeAdministration admin) {
        this.admin = admin;
    }

    /** The invitation form as typed. */
    record InviteForm(String email, String displayName, String role, String title) {
    }

    @GetMapping("/app/admin/staff")
    String staff(@AuthenticationPrincipal Actor actor, Model model) {
        return page(actor, model, new InviteForm("", "", "nurse", ""), Map.of());
    }

    @PostMapping("/app/admin/staff")
    String invite(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) String role,
            @RequestParam(required = false) String title, Model model, HttpServletResponse response) {
        try {
            Accounts.StaffInvitation invitation = admin.invite(actor, email, displayName, role, title);
            model.addAttribute("invitation", invitation);
            return page(actor, model, new InviteForm("", "", "nurse", ""), Map.of());
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, new InviteForm(email, displayName, role, title), Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/admin/staff/{id}/reinvite")
    String reinvite(@AuthenticationPrincipal Actor actor, @PathVariable UserId id, Model model) {
        model.addAttribute("invitation", admin.reinvite(actor, id));
        return page(actor, model, new InviteForm("", "", "nurse", ""), Map.of());
    }

    @PostMapping("/app/admin/staff/{id}/disable")
    String disable(@AuthenticationPrincipal Actor actor, @PathVariable UserId id) {
        admin.setActive(actor, id, false);
        return "redirect:/app/admin/staff?disabled";
    }

    @PostMapping("/app/admin/staff/{id}/reset-two-step")
    String resetTwoStep(@AuthenticationPrincipal Actor actor, @PathVariable UserId id) {
        admin.resetTwoStep(actor, id);
        return "redirect:/app/admin/staff?twoStepReset";
    }

    @PostMapping("/app/admin/staff/{id}/password-reset")
    String sendPasswordReset(@AuthenticationPrincipal Actor actor, @PathVariable UserId id) {
        admin.sendPasswordReset(actor, id);
        return "redirect:/app/admin/staff?passwordResetSent";
    }

    @PostMapping("/app/admin/staff/{id}/enable")
    String enable(@AuthenticationPrincipal Actor actor, @PathVariable UserId id) {
        admin.setActive(actor, id, true);
        return "redirect:/app/admin/staff?enabled";
    }

    private String page(Actor actor, Model model, InviteForm form, Map<String, String> errors) {
        model.addAttribute("staff", admin.staff(actor));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/staff";
    }
}
