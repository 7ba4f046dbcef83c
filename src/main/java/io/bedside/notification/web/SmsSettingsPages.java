package io.bedside.notification.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.notification.sms.SmsNumbers;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.web.WebPage;

/**
 * {@code /app/admin/sms}: practice admins connect the practice's SMS number and its full-text
 * setting; the webhook secret appears once, on the page that made it.
 */
@Controller
@WebPage
class SmsSettingsPages {

    private final SmsNumbers numbers;
    private final String webhookUrl;

    SmsSettingsPages(SmsNumbers numbers, @Value("${bedside.base-url:http://localhost:8080}") String baseUrl) {
        this.numbers = numbers;
        this.webhookUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + SmsWebhookController.PATH;
    }

    @GetMapping("/app/admin/sms")
    String settings(@AuthenticationPrincipal Actor actor, Model model) {
        SmsNumbers.Settings s = numbers.settings(actor);
        return page(model, s.phone(), s.fullText(), s.connected(), null, Map.of());
    }

    @PostMapping("/app/admin/sms")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String fullText, @RequestParam(required = false) String newSecret,
            Model model, HttpServletResponse response) {
        try {
            SmsNumbers.Saved saved = numbers.save(actor, phone, "yes".equals(fullText), "yes".equals(newSecret));
            if (saved.secret() == null) {
                return "redirect:/app/admin/sms?saved";
            }
            // Shown once, on this answer only: never in a redirect's address.
            response.setHeader("Cache-Control", "no-store");
            return page(model, saved.settings().phone(), saved.settings().fullText(), true, saved.secret(), Map.of());
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(model, phone, "yes".equals(fullText), numbers.settings(actor).connected(), null,
                    Map.of(e.field(), e.getMessage()));
        } catch (ConflictException e) {
            response.setStatus(409);
            return page(model, phone, "yes".equals(fullText), numbers.settings(actor).connected(), null,
                    Map.of("phone", e.getMessage()));
        }
    }

    private String page(Model model, String phone, boolean fullText, boolean connected, String secret,
            Map<String, String> errors) {
        model.addAttribute("phone", phone == null ? "" : phone);
        model.addAttribute("fullText", fullText);
        model.addAttribute("connected", connected);
        model.addAttribute("secret", secret);
        model.addAttribute("webhookUrl", webhookUrl);
        model.addAttribute("errors", errors);
        return "notification/sms-admin";
    }
}
