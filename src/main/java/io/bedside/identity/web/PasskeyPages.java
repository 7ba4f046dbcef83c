package io.bedside.identity.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.internal.Passkeys;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.web.WebPage;

/**
 * "Passkeys", for patients and staff alike: the account's passkeys with when each was added and
 * last used, a button that adds one on this device (passkeys.js, through Spring Security's WebAuthn
 * endpoints), and forms that rename and remove one. Another account's passkey id is not found.
 * With {@code ?welcome} it is the offer at the end of an invitation, which may be skipped.
 */
@Controller
@WebPage
class PasskeyPages {

    private final Passkeys passkeys;

    PasskeyPages(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @GetMapping("/app/settings/passkeys")
    String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String welcome, Model model,
            HttpServletRequest request) {
        model.addAttribute("welcome", welcome != null);
        return page(actor, model, request, Map.of());
    }

    @PostMapping("/app/settings/passkeys/{id}/rename")
    String rename(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            @RequestParam(required = false) String label, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            passkeys.rename(actor, parse(id), label);
            return "redirect:/app/settings/passkeys?renamed";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, request, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/settings/passkeys/{id}/remove")
    String remove(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        passkeys.remove(actor, parse(id));
        return "redirect:/app/settings/passkeys?removed";
    }

    private String page(Actor actor, Model model, HttpServletRequest request, Map<String, String> errors) {
        model.addAttribute("passkeys", passkeys.list(actor));
        model.addAttribute("suggestedName", Passkeys.suggestedName(request.getHeader("User-Agent")));
        model.addAttribute("errors", errors);
        String next = actor.isStaff() ? "/app" : "/app/conversations?welcome";
        boolean welcome = Boolean.TRUE.equals(model.getAttribute("welcome"));
        model.addAttribute("welcome", welcome);
        model.addAttribute("next", next);
        model.addAttribute("done", welcome ? next : "/app/settings/passkeys?added");
        return "identity/passkeys";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such passkey.");
        }
    }
}
