package io.bedside.analytics.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.bedside.analytics.PracticeAnalytics;
import io.bedside.shared.Actor;
import io.bedside.web.WebPage;

/**
 * Tells every staff page whether its reader may read analytics (a practice admin, or a team lead:
 * someone with a team to choose), so the navigation offers {@code Analytics} only to them.
 */
@ControllerAdvice(annotations = WebPage.class)
class AnalyticsNavAdvice {

    private final PracticeAnalytics analytics;

    AnalyticsNavAdvice(PracticeAnalytics analytics) {
        this.analytics = analytics;
    }

    @ModelAttribute
    void analyticsLink(@AuthenticationPrincipal Actor actor, Model model) {
        if (actor != null && actor.isStaff()) {
            model.addAttribute("mayReadAnalytics", !analytics.teams(actor).isEmpty());
        }
    }
}
