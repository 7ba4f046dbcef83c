package io.bedside.identity.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.Coverage;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/**
 * "Out of office": a member of staff's period away and who covers for them meanwhile (new
 * assignments and the notices that name them go to that colleague). Staff only; a patient gets 404.
 */
@Controller
@WebPage
class CoveragePages {

    private final Coverage coverage;

    CoveragePages(Coverage coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/app/settings/coverage")
    String page(@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        var current = coverage.of(actor);
        return page(actor, model, locale,
                current.map(c -> c.start().toString()).orElse(""), current.map(c -> c.end().toString()).orElse(""),
                current.map(c -> c.delegateId().toString()).orElse(""), Map.of());
    }

    @PostMapping("/app/settings/coverage")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end, @RequestParam(required = false) String delegateId,
            Model model, Locale locale, HttpServletResponse response) {
        try {
            coverage.set(actor, CoverageController.time("start", start), CoverageController.time("end", end),
                    delegateId == null || delegateId.isBlank() ? null
                            : UserId.of(Ids.parseField("delegateId", delegateId)));
            return "redirect:/app/settings/coverage?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, locale, start, end, delegateId, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/settings/coverage/clear")
    String clear(@AuthenticationPrincipal Actor actor) {
        coverage.clear(actor);
        return "redirect:/app/settings/coverage?cleared";
    }

    private String page(Actor actor, Model model, Locale locale, String start, String end, String delegateId,
            Map<String, String> errors) {
        var current = coverage.of(actor);
        DateTimeFormatter shown = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("currentStart", current.map(c -> shown.format(c.start())).orElse(""));
        model.addAttribute("currentEnd", current.map(c -> shown.format(c.end())).orElse(""));
        model.addAttribute("zone", current.map(c -> c.timeZone().getId()).orElse(""));
        model.addAttribute("delegates", coverage.delegateChoices(actor));
        model.addAttribute("start", trimmedToMinutes(start));
        model.addAttribute("end", trimmedToMinutes(end));
        model.addAttribute("delegateId", delegateId == null ? "" : delegateId);
        model.addAttribute("errors", errors);
        return "identity/coverage";
    }

    /** A datetime-local input takes minutes: "2026-12-01T08:00", not "…T08:00:00". */
    private static String trimmedToMinutes(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 16 && value.charAt(10) == 'T' ? value.substring(0, 16) : value;
    }
}
