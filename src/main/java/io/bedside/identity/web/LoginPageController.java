package io.bedside.identity.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import io.bedside.shared.Actor;
import io.bedside.web.WebPage;

/** The sign-in page, and the front door that sends a signed-in reader to their messages. */
@Controller
@WebPage
class LoginPageController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal Actor actor) {
        return actor == null ? "identity/login" : "redirect:/app";
    }

    @GetMapping({"/", "/app"})
    String home(@AuthenticationPrincipal Actor actor) {
        if (actor == null) {
            return "redirect:/login";
        }
        // Practice admins land on their admin overview; other staff on the inbox; patients at home.
        if (actor.isPracticeAdmin()) {
            return "redirect:/app/admin";
        }
        return actor.isStaff() ? "redirect:/app/inbox" : "redirect:/app/conversations";
    }

    /** "Stay signed in": a request the reader made, so the session's idle clock starts again. */
    @PostMapping("/app/session/keepalive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}
