package io.bedside.notification.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.notification.Channel;
import io.bedside.notification.NotificationPreferences;
import io.bedside.notification.internal.DevMailbox;
import io.bedside.notification.internal.Outbox;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.UnprocessableException;
import io.bedside.web.WebPage;

/**
 * The notification pages: each person's settings, the one-click unsubscribe (no sign-in; it says
 * nothing about whose link it is), the demo mailbox, and the notices that failed, for admins.
 */
@Controller
@WebPage
class NotificationPages {

    private final NotificationPreferences preferences;
    private final DevMailbox mailbox;
    private final Outbox outbox;
    private final boolean demo;

    NotificationPages(NotificationPreferences preferences, DevMailbox mailbox, Outbox outbox,
            @Value("${bedside.demo:false}") boolean demo) {
        this.preferences = preferences;
        this.mailbox = mailbox;
        this.outbox = outbox;
        this.demo = demo;
    }

    @GetMapping("/app/settings/notifications")
    String settings(@AuthenticationPrincipal Actor actor, Model model) {
        var current = preferences.get(actor);
        return page(model, current.channel().code(), current.hasQuietHours() ? current.quietStart().toString() : "",
                current.hasQuietHours() ? current.quietEnd().toString() : "", current.timeZone().getId(), Map.of());
    }

    @PostMapping("/app/settings/notifications")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String quietStart, @RequestParam(required = false) String quietEnd,
            @RequestParam(required = false) String timeZone, Model model, HttpServletResponse response) {
        try {
            preferences.update(actor, channel, quietStart, quietEnd, timeZone);
            return "redirect:/app/settings/notifications?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(model, channel, quietStart, quietEnd, timeZone, Map.of(e.field(), e.getMessage()));
        } catch (UnprocessableException e) {
            response.setStatus(422);
            return page(model, channel, quietStart, quietEnd, timeZone, Map.of("channel", e.getMessage()));
        }
    }

    private String page(Model model, String channel, String quietStart, String quietEnd, String timeZone,
            Map<String, String> errors) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("channel", channel == null ? "email" : channel);
        model.addAttribute("quietStart", quietStart == null ? "" : quietStart);
        model.addAttribute("quietEnd", quietEnd == null ? "" : quietEnd);
        model.addAttribute("timeZone", timeZone == null ? "" : timeZone);
        model.addAttribute("zones", java.util.List.of("America/New_York", "America/Chicago", "America/Denver",
                "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
                "UTC"));
        model.addAttribute("errors", errors);
        return "notification/settings";
    }

    /** The link in every notice. Shows a button; only the POST turns notices off (mail scanners GET links). */
    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", preferences.isUnsubscribeToken(token));
        return "notification/unsubscribe";
    }

    /** The button, and RFC 8058 one-click unsubscribe from mail programs (no sign-in, no CSRF token). */
    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        model.addAttribute("done", preferences.unsubscribe(token));
        model.addAttribute("token", token);
        model.addAttribute("valid", true);
        return "notification/unsubscribe";
    }

    @GetMapping("/app/dev/mailbox")
    String devMailbox(Model model) {
        if (!demo) {
            throw new NotFoundException();
        }
        model.addAttribute("items", mailbox.latest(100));
        return "notification/mailbox";
    }

    @GetMapping("/app/admin/notifications")
    String failed(@AuthenticationPrincipal Actor actor, Model model) {
        if (!actor.isStaff()) {
            throw new NotFoundException();
        }
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins can see this.");
        }
        model.addAttribute("failed", outbox.failed(actor.practiceId(), 100));
        return "notification/failed";
    }
}
