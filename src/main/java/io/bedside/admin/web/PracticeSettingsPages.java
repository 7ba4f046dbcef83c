package io.bedside.admin.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.admin.CareTeamAdministration;
import io.bedside.admin.PracticeDetails;
import io.bedside.practice.Practice;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.web.WebPage;
import io.bedside.workflow.AfterHoursTexts;
import io.bedside.workflow.UrgentPhrases;
import io.bedside.workflow.UrgentTarget;

/**
 * The practice's details (name, the name patients see, time zone, language, phone, address), its
 * holidays, its urgent phrases and its after-hours reply, in English and Spanish.
 */
@Controller
@WebPage
class PracticeSettingsPages {

    private final CareTeamAdministration admin;
    private final UrgentPhrases urgentPhrases;
    private final AfterHoursTexts afterHours;
    private final PracticeDetails details;
    private final UrgentTarget urgentTarget;
    private final Clock clock;

    PracticeSettingsPages(CareTeamAdministration admin, UrgentPhrases urgentPhrases, AfterHoursTexts afterHours,
            PracticeDetails details, UrgentTarget urgentTarget, Clock clock) {
        this.urgentTarget = urgentTarget;
        this.admin = admin;
        this.details = details;
        this.clock = clock;
        this.urgentPhrases = urgentPhrases;
        this.afterHours = afterHours;
    }

    @GetMapping("/app/admin/practice")
    String settings(@AuthenticationPrincipal Actor actor, Model model) {
        return page(actor, model, null, null, null, Map.of());
    }

    @PostMapping("/app/admin/practice/details")
    String details(@AuthenticationPrincipal Actor actor, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String field : PracticeDetails.FIELDS) {
            changes.put(field, form.getOrDefault(field, ""));
        }
        try {
            details.change(actor, changes);
            return "redirect:/app/admin/practice?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("details", changes);
            return page(actor, model, null, null, null, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/admin/practice/holidays")
    String holidays(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String holidays,
            Model model, HttpServletResponse response) {
        try {
            admin.setHolidays(actor, holidays);
            return "redirect:/app/admin/practice?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, holidays, null, null, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/admin/practice/urgent-phrases")
    String phrases(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String phrases, Model model,
            HttpServletResponse response) {
        try {
            urgentPhrases.set(actor, Arrays.asList((phrases == null ? "" : phrases).split("\\R")));
            return "redirect:/app/admin/practice?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, null, phrases, null, Map.of(e.field(), e.getMessage()));
        }
    }

    /** How soon an urgent conversation is due, in minutes from the flag (wall-clock time). */
    @PostMapping("/app/admin/practice/urgent-target")
    String urgentTarget(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String minutes,
            Model model, HttpServletResponse response) {
        try {
            Integer value = null;
            try {
                value = minutes == null ? null : Integer.valueOf(minutes.strip());
            } catch (NumberFormatException notANumber) {
                // Answered below like any other bad value.
            }
            urgentTarget.set(actor, value);
            return "redirect:/app/admin/practice?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("urgentMinutes", minutes);
            return page(actor, model, null, null, null, Map.of(e.field(), e.getMessage()));
        }
    }

    /** The ages at which a patient's own questions are kept from their parents by default. */
    @PostMapping("/app/admin/practice/confidential-ages")
    String confidentialAges(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        try {
            details.setConfidentialAges(actor, whole(from), whole(to));
            return "redirect:/app/admin/practice?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("confidentialFrom", from);
            model.addAttribute("confidentialTo", to);
            return page(actor, model, null, null, null, Map.of(e.field(), e.getMessage()));
        }
    }

    /** How the patient's status line names whoever handles a conversation: by name, or by role only. */
    @PostMapping("/app/admin/practice/status-line")
    String statusLine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String names) {
        if (!"name".equals(names) && !"role".equals(names)) {
            throw new InvalidRequestException("statusLineNames", "Choose name or role.");
        }
        details.setStatusLineShowsRoleOnly(actor, "role".equals(names));
        return "redirect:/app/admin/practice?saved";
    }

    private static Integer whole(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException("confidentialAgeRange", "Enter the ages as whole numbers, for example 12 and 17.");
        }
    }

    @PostMapping("/app/admin/practice/after-hours")
    String afterHours(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String en,
            @RequestParam(required = false) String es, Model model, HttpServletResponse response) {
        Map<String, String> texts = new HashMap<>();
        texts.put("en", en);
        texts.put("es", es);
        try {
            afterHours.set(actor, texts);
            return "redirect:/app/admin/practice?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(actor, model, null, null, texts, Map.of(e.field(), e.getMessage()));
        }
    }

    private String page(Actor actor, Model model, String holidays, String phrases, Map<String, String> texts,
            Map<String, String> errors) {
        model.addAttribute("holidays", holidays != null ? holidays : admin.holidays(actor).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n")));
        model.addAttribute("phrases", phrases != null ? phrases : String.join("\n", urgentPhrases.of(actor.practiceId())));
        model.addAttribute("texts", texts != null ? texts : afterHours.of(actor.practiceId()));
        if (!model.containsAttribute("urgentMinutes")) {
            model.addAttribute("urgentMinutes", String.valueOf(urgentTarget.minutes(actor.practiceId())));
        }
        if (!model.containsAttribute("details")) {
            Practice practice = details.of(actor);
            Map<String, String> values = new HashMap<>();
            values.put("name", practice.name());
            values.put("displayName", practice.displayName() == null ? "" : practice.displayName());
            values.put("timeZone", practice.timeZone().getId());
            values.put("defaultLanguage", practice.defaultLanguage());
            values.put("phone", practice.phone() == null ? "" : practice.phone());
            values.put("address", practice.address() == null ? "" : practice.address());
            model.addAttribute("details", values);
        }
        model.addAttribute("timeZones", PracticeDetails.timeZones(clock.instant(), locale()));
        if (!model.containsAttribute("confidentialFrom")) {
            var ages = details.confidentialAges(actor);
            model.addAttribute("confidentialFrom", String.valueOf(ages.from()));
            model.addAttribute("confidentialTo", String.valueOf(ages.to()));
        }
        model.addAttribute("languages", PracticeDetails.LANGUAGES);
        model.addAttribute("statusLineRoleOnly", details.statusLineShowsRoleOnly(actor));
        model.addAttribute("errors", errors);
        return "admin/practice";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
