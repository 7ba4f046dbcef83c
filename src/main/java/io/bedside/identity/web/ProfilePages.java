package io.bedside.identity.web;

import java.util.Locale;
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
import org.springframework.web.servlet.LocaleResolver;

import io.bedside.identity.PatientProfiles;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.web.WebPage;

/**
 * "My details": a patient's email address, mobile number and language; and the page behind the
 * link that confirms a new email address (the GET only shows a button, the POST makes the change).
 */
@Controller
@WebPage
class ProfilePages {

    private final PatientProfiles profiles;
    private final LocaleResolver locales;

    ProfilePages(PatientProfiles profiles, LocaleResolver locales) {
        this.profiles = profiles;
        this.locales = locales;
    }

    @GetMapping("/app/settings/profile")
    String page(@AuthenticationPrincipal Actor actor, Model model) {
        return page(actor, model, null, Map.of());
    }

    @PostMapping("/app/settings/profile")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String language,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        PatientProfiles.Change change = new PatientProfiles.Change(email, phone == null ? "" : phone, language);
        try {
            var saved = profiles.update(actor, change);
            // The language chosen is the one the pages speak from now on, here and at every sign-in.
            locales.setLocale(request, response, Locale.forLanguageTag(saved.language()));
            return "redirect:/app/settings/profile?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, change, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/settings/profile/cancel-email")
    String cancelEmailChange(@AuthenticationPrincipal Actor actor) {
        profiles.cancelEmailChange(actor);
        return "redirect:/app/settings/profile";
    }

    private String page(Actor actor, Model model, PatientProfiles.Change typed, Map<String, String> errors) {
        var profile = profiles.profile(actor);
        model.addAttribute("profile", profile);
        model.addAttribute("email", typed != null && typed.email() != null ? typed.email() : profile.email());
        model.addAttribute("phone", typed != null && typed.phone() != null ? typed.phone()
                : profile.phone() == null ? "" : profile.phone());
        model.addAttribute("language", typed != null && typed.language() != null ? typed.language() : profile.language());
        model.addAttribute("errors", errors);
        return "identity/profile";
    }

    @GetMapping("/email-change/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        var open = profiles.open(token).orElseThrow(() -> new NotFoundException("This link has expired or was already used."));
        model.addAttribute("practiceName", open.practiceName());
        model.addAttribute("newEmail", open.newEmail());
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "identity/email-change";
    }

    @PostMapping("/email-change/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            model.addAttribute("newEmail", profiles.confirm(token));
            model.addAttribute("done", true);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("inUse", true);
            model.addAttribute("done", true);
        }
        return "identity/email-change";
    }
}
