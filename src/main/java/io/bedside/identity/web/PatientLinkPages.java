package io.bedside.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.PatientLinkRequested;
import io.bedside.identity.PatientLinks;
import io.bedside.identity.internal.SessionSignIn;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.web.WebPage;

/**
 * Patients in by email link: the invitation (set a password), asking for a sign-in link, and
 * following one. Opening a link only shows a form (mail scanners open every link); the form's
 * POST, with the date of birth, is what spends it.
 */
@Controller
// It signs people in through SessionSignIn, which exists only in a web application (not in a command run).
@ConditionalOnWebApplication
@WebPage
class PatientLinkPages {

    private final PatientLinks links;
    private final SessionSignIn sessions;

    PatientLinkPages(PatientLinks links, SessionSignIn sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    @GetMapping("/welcome/{token}")
    String welcome(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return welcomePage(token, model, Map.of());
    }

    @PostMapping("/welcome/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            Actor patient = links.acceptInvitation(token, birthDate, password, confirmation, request.getRemoteAddr());
            sessions.signIn(patient, request, response);
            // Signed in: offer a passkey on this device before the inbox (skippable).
            return "redirect:/app/settings/passkeys?welcome";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return welcomePage(token, model, Map.of(e.field(), e.getMessage()));
        }
    }

    private String welcomePage(String token, Model model, Map<String, String> errors) {
        return linkPage(token, PatientLinkRequested.Purpose.INVITATION, "identity/welcome", model, errors);
    }

    /** The form behind an open link; a spent, expired or unknown link is not found. */
    private String linkPage(String token, PatientLinkRequested.Purpose purpose, String template, Model model,
            Map<String, String> errors) {
        var view = links.open(token, purpose)
                .orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        model.addAttribute("practiceName", view.practiceName());
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return template;
    }

    @GetMapping("/login/link")
    String requestForm(Model model) {
        model.addAttribute("sent", false);
        return "identity/link-request";
    }

    @PostMapping("/login/link")
    String request(@RequestParam(required = false) String email, Model model, HttpServletRequest request)
            throws InterruptedException {
        SameTiming.answer(() -> links.requestSignIn(email, request.getRemoteAddr()));
        model.addAttribute("sent", true);
        return "identity/link-request";
    }

    @GetMapping("/signin/{token}")
    String signInForm(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return signInPage(token, model, Map.of());
    }

    @PostMapping("/signin/{token}")
    String signIn(@PathVariable String token, @RequestParam(required = false) String birthDate, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            Actor patient = links.redeemSignIn(token, birthDate, request.getRemoteAddr());
            sessions.signIn(patient, request, response);
            return "redirect:/app/conversations";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return signInPage(token, model, Map.of(e.field(), e.getMessage()));
        }
    }

    private String signInPage(String token, Model model, Map<String, String> errors) {
        return linkPage(token, PatientLinkRequested.Purpose.SIGN_IN, "identity/link-signin", model, errors);
    }
}
