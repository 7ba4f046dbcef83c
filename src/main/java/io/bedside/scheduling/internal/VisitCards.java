package io.bedside.scheduling.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ThreadCards;
import io.bedside.practice.Practices;
import io.bedside.scheduling.VisitRequest;
import io.bedside.scheduling.VisitStatus;
import io.bedside.shared.Actor;
import io.bedside.shared.HumanTimes;

/**
 * The visit request in the conversation's thread: what was asked, its status, and the way to
 * answer it (the patient side: preferred times, or the offered time to accept or decline; staff:
 * the request's page), or for staff with none open, Needs a visit. In the reader's language.
 */
@Component
class VisitCards implements ThreadCards {

    private final VisitRequestService requests;
    private final MessageSource messages;
    private final HumanTimes times;
    private final Practices practices;

    VisitCards(VisitRequestService requests, MessageSource messages, HumanTimes times, Practices practices) {
        this.requests = requests;
        this.messages = messages;
        this.times = times;
        this.practices = practices;
    }

    @Override
    public List<Card> of(Actor reader, ConversationId conversation) {
        Locale locale = LocaleContextHolder.getLocale();
        List<VisitRequest> found = requests.ofConversation(reader, conversation);
        List<Card> cards = new ArrayList<>();
        var zone = practices.find(reader.practiceId()).map(p -> p.timeZone()).orElse(java.time.ZoneOffset.UTC);
        // The latest request leads; older ones (declined, booked) stay as a record of what happened.
        for (VisitRequest r : found) {
            List<String> lines = new ArrayList<>();
            lines.add(text("visit.card.kind", locale, text("visit.typeLabel." + r.visitType().code(), locale),
                    text("visit.urgencyLabel." + r.urgency().code(), locale)));
            lines.add(text("visit.card.reason", locale, r.reason()));
            lines.add(text("visit.card.status", locale, text("visit.status." + r.status().code(), locale)));
            if (!r.preferredTimes().isEmpty()) {
                lines.add(text("visit.card.preferred", locale, String.join("; ", r.preferredTimes().stream()
                        .map(t -> times.date(t.date(), locale) + " " + text("visit.part." + t.part().code(), locale))
                        .toList())));
            }
            if (r.slotAt() != null && r.status() == VisitStatus.OFFERED) {
                lines.add(text("visit.card.offered", locale, times.sentence(r.slotAt(), zone, locale)));
            }
            if (r.slotAt() != null && r.status() == VisitStatus.BOOKED) {
                lines.add(text("visit.card.booked", locale, times.sentence(r.slotAt(), zone, locale)));
            }
            String path = "/app/visit-requests/" + r.id();
            String action;
            if (reader.isStaff()) {
                action = text("visit.card.open", locale);
            } else if (r.status() == VisitStatus.REQUESTED && r.preferredTimes().isEmpty()) {
                action = text("visit.card.choose", locale);
            } else if (r.status() == VisitStatus.OFFERED) {
                action = text("visit.card.answer", locale);
            } else {
                action = null;
            }
            cards.add(new Card("visit-request", text("visit.card.heading", locale), lines,
                    action == null ? null : path, action));
        }
        if (reader.isStaff() && found.stream().noneMatch(VisitRequestService::openView)) {
            cards.add(new Card("visit-new", text("visit.card.new", locale), List.of(text("visit.card.newHint", locale)),
                    "/app/conversations/" + conversation + "/visit-request", text("visit.card.new", locale)));
        }
        return cards;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
