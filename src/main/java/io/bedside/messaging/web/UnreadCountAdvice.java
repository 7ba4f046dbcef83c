package io.bedside.messaging.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.bedside.messaging.internal.ConversationLists;
import io.bedside.shared.Actor;
import io.bedside.web.WebPage;

/**
 * Puts the patient's count of unread messages into every page's model, for the badge on
 * "Messages" in the header. A count only: no subject, no text.
 */
@ControllerAdvice(annotations = WebPage.class)
class UnreadCountAdvice {

    private final ConversationLists conversations;

    UnreadCountAdvice(ConversationLists conversations) {
        this.conversations = conversations;
    }

    @ModelAttribute
    void unread(@AuthenticationPrincipal Actor actor, Model model) {
        if (actor != null && actor.isPatient()) {
            model.addAttribute("unreadTotal", conversations.unreadTotal(actor));
        }
    }
}
