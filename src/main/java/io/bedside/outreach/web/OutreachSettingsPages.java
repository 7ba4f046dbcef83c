package io.bedside.outreach.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.messaging.ConversationId;
import io.bedside.outreach.CampaignOptOuts;
import io.bedside.shared.Actor;
import io.bedside.web.WebPage;

/**
 * A patient's say over campaign messages: a settings page, and the button under a campaign's
 * message. Saying no stops campaigns only; the care team's answers keep coming.
 */
@Controller
@WebPage
class OutreachSettingsPages {

    private final CampaignOptOuts optOuts;

    OutreachSettingsPages(CampaignOptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @GetMapping("/app/settings/campaigns")
    String page(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("optedOut", optOuts.optedOut(actor));
        return "outreach/settings";
    }

    @PostMapping("/app/settings/campaigns")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean optedOut) {
        optOuts.setOptedOut(actor, optedOut);
        return "redirect:/app/settings/campaigns?saved";
    }

    @PostMapping("/app/conversations/{id}/campaign-opt-out")
    String optOut(@AuthenticationPrincipal Actor actor, @PathVariable("id") ConversationId conversation) {
        optOuts.optOutFrom(actor, conversation);
        return "redirect:/app/conversations/" + conversation + "?optedOut";
    }
}
