package io.bedside.outreach.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
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
import io.bedside.outreach.CampaignCreators;
import io.bedside.outreach.CampaignId;
import io.bedside.outreach.Campaigns;
import io.bedside.outreach.Cohort;
import io.bedside.outreach.NewCampaign;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
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
    private final CampaignCreators creators;
    private final CareTeams careTeams;
    private final Practices practices;

    CampaignPages(Campaigns campaigns, CampaignCreators creators, CareTeams careTeams, Practices practices) {
        this.campaigns = campaigns;
        this.creators = creators;
        this.careTeams = careTeams;
        this.practices = practices;
    }

    @GetMapping("/app/campaigns")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("campaigns", campaigns.list(actor));
        model.addAttribute("mayCreate", creators.mayCreate(actor));
        model.addAttribute("senders", actor.isPracticeAdmin() ? creators.senders(actor) : List.of());
        return "outreach/campaigns";
    }

    @PostMapping("/app/campaigns/senders")
    String setSender(@AuthenticationPrincipal Actor actor, @RequestParam("userId") UserId member,
            @RequestParam(defaultValue = "false") boolean allowed) {
        creators.setSender(actor, member, allowed);
        return "redirect:/app/campaigns?saved";
    }

    @GetMapping("/app/campaigns/new")
    String form(@AuthenticationPrincipal Actor actor, Model model) {
        creators.requireCreator(actor);
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
                            : CareTeamId.parse(form.careTeamId()),
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
        Locale reader = LocaleContextHolder.getLocale();
        Map<String, String> names = new HashMap<>();
        for (Campaigns.LanguageText t : review.texts()) {
            for (String language : List.of(t.language(), t.shownIn())) {
                String name = Locale.forLanguageTag(language).getDisplayLanguage(reader);
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
    String campaign(@AuthenticationPrincipal Actor actor, @PathVariable CampaignId id, Model model) {
        model.addAttribute("campaign", campaigns.get(actor, id));
        model.addAttribute("mayCreate", creators.mayCreate(actor));
        return "outreach/campaign";
    }

    @GetMapping("/app/campaigns/{id}/funnel")
    String funnel(@AuthenticationPrincipal Actor actor, @PathVariable CampaignId id, Model model) {
        model.addAttribute("campaign", campaigns.get(actor, id));
        model.addAttribute("mayCreate", creators.mayCreate(actor));
        return "outreach/campaign :: funnel";
    }

    @PostMapping("/app/campaigns/{id}/cancel")
    String cancel(@AuthenticationPrincipal Actor actor, @PathVariable("id") CampaignId campaign) {
        campaigns.cancel(actor, campaign);
        return "redirect:/app/campaigns/" + campaign + "?cancelled";
    }

    private ZoneId zone(Actor actor) {
        return practices.find(actor.practiceId()).map(Practice::timeZone).orElse(ZoneOffset.UTC);
    }
}
