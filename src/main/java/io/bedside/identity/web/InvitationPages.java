package io.bedside.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.Accounts;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.web.WebPage;

/**
 * Where an invited member of staff sets their password. Opening the link only shows the form
 * (mail scanners open every link); only the form's POST spends it.
 */
@Controller
@WebPage
class InvitationPages {

    private final Accounts accounts;

    InvitationPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/invite/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        var invitation = accounts.openInvitation(token)
                .orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "identity/invite";
    }

    @PostMapping("/invite/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            accounts.acceptInvitation(token, password, confirmation);
            return "redirect:/login?welcome";
        } catch (InvalidRequestException e) {
            var invitation = accounts.openInvitation(token)
                    .orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
            response.setStatus(400);
            model.addAttribute("invitation", invitation);
            model.addAttribute("token", token);
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
            return "identity/invite";
        }
    }
}
