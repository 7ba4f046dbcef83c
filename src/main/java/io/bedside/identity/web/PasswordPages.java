package io.bedside.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.Passwords;
import io.bedside.identity.SignedInDevices;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.web.WebPage;

/**
 * A forgotten password (ask for a link; the link's form) and the account's security settings
 * (change the password; signed-in devices). Opening a reset link only shows its form: mail
 * scanners open every link, and only the form's POST spends it.
 */
@Controller
@WebPage
class PasswordPages {

    private final Passwords passwords;
    private final SignedInDevices devices;

    PasswordPages(Passwords passwords, SignedInDevices devices) {
        this.passwords = passwords;
        this.devices = devices;
    }

    @GetMapping("/forgot-password")
    String forgotForm(Model model) {
        model.addAttribute("sent", false);
        return "identity/forgot-password";
    }

    @PostMapping("/forgot-password")
    String forgot(@RequestParam(required = false) String email, Model model, HttpServletRequest request)
            throws InterruptedException {
        SameTiming.answer(() -> passwords.requestReset(email, request.getRemoteAddr()));
        model.addAttribute("sent", true);
        return "identity/forgot-password";
    }

    @GetMapping("/reset-password/{token}")
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return resetPage(token, model, Map.of(), response);
    }

    @PostMapping("/reset-password/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            passwords.reset(token, birthDate, password, confirmation, request.getRemoteAddr());
            return "redirect:/login?passwordReset";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return resetPage(token, model, Map.of(e.field(), e.getMessage()), response);
        } catch (NotFoundException e) {
            return gone(response);
        }
    }

    /** A spent, expired or unknown link: not found, with the way to a new one. */
    private static String gone(HttpServletResponse response) {
        response.setStatus(404);
        return "identity/reset-gone";
    }

    private String resetPage(String token, Model model, Map<String, String> errors, HttpServletResponse response) {
        var view = passwords.openReset(token).orElse(null);
        if (view == null) {
            return gone(response);
        }
        model.addAttribute("reset", view);
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "identity/reset-password";
    }

    // ------------------------------------------------------------ security settings

    @GetMapping("/app/settings/security")
    String security(@AuthenticationPrincipal Actor actor, Model model, HttpServletRequest request) {
        return securityPage(actor, model, request, Map.of());
    }

    @PostMapping("/app/settings/security/password")
    String change(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmation,
            @RequestParam(required = false) String otp, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            if (newPassword != null && !newPassword.equals(confirmation)) {
                throw new InvalidRequestException("confirmation", "The two passwords are not the same.");
            }
            passwords.change(actor, CurrentSignIns.of(request), currentPassword, newPassword, otp,
                    request.getRemoteAddr());
            return "redirect:/app/settings/security?passwordChanged";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return securityPage(actor, model, request, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/settings/security/devices/{id}/end")
    String end(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        devices.end(actor, id);
        return "redirect:/app/settings/security?ended";
    }

    @PostMapping("/app/settings/security/devices/end-others")
    String endOthers(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        devices.endOthers(actor, CurrentSignIns.of(request));
        return "redirect:/app/settings/security?endedOthers";
    }

    private String securityPage(Actor actor, Model model, HttpServletRequest request, Map<String, String> errors) {
        var list = devices.list(actor, CurrentSignIns.of(request));
        model.addAttribute("devices", list);
        model.addAttribute("others", list.stream().anyMatch(d -> !d.current()));
        model.addAttribute("needsCode", passwords.changeNeedsCode(actor));
        model.addAttribute("errors", errors);
        return "identity/security";
    }
}
