package io.bedside.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

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
        return actor == null ? "redirect:/login" : "redirect:/app/conversations";
    }
}
