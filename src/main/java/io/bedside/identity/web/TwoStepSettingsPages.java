package io.bedside.identity.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bedside.identity.internal.RecoveryCodes;
import io.bedside.identity.internal.TwoStep;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.web.WebPage;

/**
 * A member of staff's two-step settings: how many recovery codes are left (with a warning when few
 * are), and a new set for the current password. New codes reach the page as a flash attribute, so
 * they are shown once, on the page after the change, and a reload or a later visit shows only how
 * many are left. The page is never cached.
 */
@Controller
@WebPage
class TwoStepSettingsPages {

    static final String PATH = "/app/settings/two-step";
    static final String NEW_CODES = "newCodes";
    static final String NEXT = "next";

    private final TwoStep twoStep;
    private final RecoveryCodes recoveryCodes;

    TwoStepSettingsPages(TwoStep twoStep, RecoveryCodes recoveryCodes) {
        this.twoStep = twoStep;
        this.recoveryCodes = recoveryCodes;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal Actor actor, Model model, HttpServletResponse response) {
        return page(actor.requireStaff(), model, response, Map.of());
    }

    @PostMapping(PATH + "/recovery-codes")
    String regenerate(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String currentPassword,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        actor.requireStaff();
        if (!twoStep.required(actor.userId(), actor.kind()) || !twoStep.enrolled(actor.userId())) {
            return "redirect:" + PATH;
        }
        try {
            List<String> codes = recoveryCodes.regenerate(actor, currentPassword, request.getRemoteAddr());
            flash.addFlashAttribute(NEW_CODES, codes);
            return "redirect:" + PATH + "?regenerated";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, response, Map.of(e.field(), e.getMessage()));
        }
    }

    private String page(Actor actor, Model model, HttpServletResponse response, Map<String, String> errors) {
        // The codes may be on it: never kept by a browser's or a proxy's cache.
        response.setHeader("Cache-Control", "no-store");
        boolean on = twoStep.required(actor.userId(), actor.kind()) && twoStep.enrolled(actor.userId());
        int remaining = on ? recoveryCodes.remaining(actor.userId()) : 0;
        model.addAttribute("twoStepOn", on);
        model.addAttribute("remaining", remaining);
        model.addAttribute("few", on && remaining <= RecoveryCodes.FEW);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute(NEW_CODES)) {
            model.addAttribute(NEW_CODES, List.of());
        }
        if (!model.containsAttribute(NEXT)) {
            model.addAttribute(NEXT, null);
        }
        return "identity/two-step-settings";
    }
}
