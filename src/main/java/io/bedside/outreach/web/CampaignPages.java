package io.bedside.outreach.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.outreach.Campaign;
import io.bedside.outreach.Campaigns;
import io.bedside.outreach.Cohort;
import io.bedside.outreach.NewCampaign;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/**
 * The staff's campaign pages: the list (and, for admins, who may send), the new-campaign form with
 * its cohort preview, and each campaign's page with a funnel that refreshes itself.
 */
@Controller
@WebPage
class CampaignPages {

    private final Campaigns campaigns;
    private final CareTeams careTeams;
    private final Practices practices;

    CampaignPages(Campaigns campaigns, CareTeams careTeams, Practices practices) {
        this.campaigns = campaigns;
        this.careTeams = careTeams;
        this.practices = practices;
    }

    @GetMapping("/app/campaigns")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("campaigns", campaigns.list(actor));
        model.addAttribute("mayCreate", campaigns.mayCreate(actor));
        model.addAttribute("senders", actor.isPracticeAdmin() ? campaigns.senders(actor) : java.util.List.of());
        return "outreach/campaigns";
    }

    @PostMapping("/app/campaigns/senders")
    String setSender(@AuthenticationPrincipal Actor actor, @RequestParam String userId,
            @RequestParam(defaultValue = "false") boolean allowed) {
        campaigns.setSender(actor, UserId.of(Ids.parse(userId)), allowed);
        return "redirect:/app/campaigns?saved";
    }

    @GetMapping("/app/campaigns/new")
    String form(@AuthenticationPrincipal Actor actor, Model model) {
        if (!actor.isStaff()) {
            throw new io.bedside.shared.NotFoundException("Not found.");
        }
        if (!campaigns.mayCreate(actor)) {
            throw new io.bedside.shared.ForbiddenException("Only practice admins, and staff they allow, send campaigns.");
        }
        return form(actor, model, CampaignForm.empty(), Map.of());
    }

    @PostMapping("/app/campaigns/preview")
    String preview(@AuthenticationPrincipal Actor actor, @ModelAttribute CampaignForm form, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        try {
            model.addAttribute("preview", campaigns.preview(actor, Cohort.parse(form.cohort())));
            model.addAttribute("previewError", null);
        } catch (InvalidRequestException e) {
            if (htmx == null) {
                response.setStatus(400);
                return form(actor, model, form, Map.of(e.field(), e.getMessage()));
            }
            model.addAttribute("previewError", e.getMessage());
        }
        return htmx != null ? "outreach/campaign-new :: preview" : form(actor, model, form, Map.of());
    }

    @PostMapping("/app/campaigns")
    String create(@AuthenticationPrincipal Actor actor, @ModelAttribute CampaignForm form, Model model,
            HttpServletResponse response) {
        try {
            NewCampaign request = new NewCampaign(form.name(),
                    form.careTeamId() == null || form.careTeamId().isBlank() ? null
                            : CareTeamId.of(Ids.parse(form.careTeamId())),
                    Cohort.parse(form.cohort()), form.messages(), sendAt(actor, form), form.invitesNew());
            if (!form.isConfirmed()) {
                // A last look before writing to many people: whom, how many, when.
                Campaigns.Review review = campaigns.review(actor, request);
                model.addAttribute("review", review);
                model.addAttribute("languageNames", languageNames(review));
                model.addAttribute("preview", review.preview());
                return form(actor, model, form, Map.of());
            }
            Campaign created = campaigns.create(actor, request);
            return "redirect:/app/campaigns/" + created.id() + "?created";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return form(actor, model, form, Map.of(e.field(), e.getMessage()));
        } catch (UnprocessableException e) {
            response.setStatus(422);
            return form(actor, model, form, Map.of("sendAt", e.getMessage()));
        }
    }

    /** Each language of the review named in the reader's own language ("Spanish", "español"). */
    private static Map<String, String> languageNames(Campaigns.Review review) {
        java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Map<String, String> names = new java.util.HashMap<>();
        for (Campaigns.LanguageText t : review.texts()) {
            for (String language : List.of(t.language(), t.shownIn())) {
                String name = java.util.Locale.forLanguageTag(language).getDisplayLanguage(reader);
                names.put(language, name.isBlank() ? language : name);
            }
        }
        return names;
    }

    private Instant sendAt(Actor actor, CampaignForm form) {
        if (!form.later()) {
            return null;
        }
        if (form.sendAt() == null || form.sendAt().isBlank()) {
            throw new InvalidRequestException("sendAt", "Choose the day and time to send, or send now.");
        }
        try {
            return LocalDateTime.parse(form.sendAt().strip()).atZone(zone(actor)).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("sendAt", "Choose the day and time to send, or send now.");
        }
    }

    private String form(Actor actor, Model model, CampaignForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", careTeams.inPractice(actor.practiceId()));
        model.addAttribute("practiceZone", zone(actor).getId());
        if (!model.containsAttribute("preview")) {
            model.addAttribute("preview", null);
        }
        if (!model.containsAttribute("review")) {
            model.addAttribute("review", null);
        }
        return "outreach/campaign-new";
    }

    @GetMapping("/app/campaigns/{id}")
    String campaign(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("campaign", campaigns.get(actor, Ids.parse(id)));
        model.addAttribute("mayCreate", campaigns.mayCreate(actor));
        return "outreach/campaign";
    }

    @GetMapping("/app/campaigns/{id}/funnel")
    String funnel(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("campaign", campaigns.get(actor, Ids.parse(id)));
        model.addAttribute("mayCreate", campaigns.mayCreate(actor));
        return "outreach/campaign :: funnel";
    }

    @PostMapping("/app/campaigns/{id}/cancel")
    String cancel(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        UUID campaign = Ids.parse(id);
        campaigns.cancel(actor, campaign);
        return "redirect:/app/campaigns/" + campaign + "?cancelled";
    }

    private java.time.ZoneId zone(Actor actor) {
        return practices.find(actor.practiceId()).map(io.bedside.practice.Practice::timeZone)
                .orElse(java.time.ZoneOffset.UTC);
    }
}
