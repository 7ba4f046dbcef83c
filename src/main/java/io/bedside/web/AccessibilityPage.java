package io.bedside.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /accessibility}: the accessibility statement, public (no sign-in), in English and Spanish,
 * linked from every page's footer. Whom to contact: the signed-in patient's practice (its phone,
 * from the page model) or {@code bedside.accessibility.contact}, whoever runs the deployment.
 */
@Controller
@WebPage
class AccessibilityPage {

    private final String contact;

    AccessibilityPage(@Value("${bedside.accessibility.contact:}") String contact) {
        this.contact = contact == null ? "" : contact.strip();
    }

    @GetMapping("/accessibility")
    String statement(Model model) {
        model.addAttribute("contact", contact.isEmpty() ? null : contact);
        model.addAttribute("contactIsEmail", contact.contains("@") && !contact.contains("/"));
        return "web/accessibility";
    }
}
