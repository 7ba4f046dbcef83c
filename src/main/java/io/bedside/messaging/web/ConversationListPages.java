package io.bedside.messaging.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.ConversationPage;
import io.bedside.messaging.internal.ConversationView;
import io.bedside.messaging.internal.Drafts;
import io.bedside.messaging.internal.StatusLine;
import io.bedside.messaging.internal.StatusLines;
import io.bedside.patient.Patients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.web.WebPage;

/**
 * The reader's conversations, as the home screen of the browser app shows them, with the care
 * teams they may write to (and when a closed team opens again).
 */
@Controller
@WebPage
class ConversationListPages {

    private final ConversationLists lists;
    private final Drafts drafts;
    private final CareTeams careTeams;
    private final Patients roster;
    private final Clock clock;
    private final StatusLines statusLines;

    ConversationListPages(ConversationLists lists, Drafts drafts, CareTeams careTeams, Patients roster, Clock clock,
            StatusLines statusLines) {
        this.statusLines = statusLines;
        this.lists = lists;
        this.drafts = drafts;
        this.careTeams = careTeams;
        this.roster = roster;
        this.clock = clock;
    }

    @GetMapping("/app/conversations")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String cursor, Model model) {
        listInto(actor, cursor, model);
        @SuppressWarnings("unchecked")
        List<ConversationView> shown = (List<ConversationView>) model.getAttribute("conversations");
        var teams = ownTeamFirst(actor, careTeams.visibleTo(actor), shown);
        model.addAttribute("teams", teams);
        // Outside office hours, each team's card says when it opens again.
        Instant now = clock.instant();
        Map<CareTeamId, Instant> opens = new HashMap<>();
        for (var team : teams) {
            var hours = careTeams.officeHours(actor.practiceId(), team.id());
            if (!hours.isOpen(now)) {
                opens.put(team.id(), hours.nextOpening(now));
            }
        }
        model.addAttribute("opens", opens);
        return "messaging/list";
    }

    /**
     * The patient's own physician's team leads the cards; without a recorded physician, the team of
     * their latest conversation does. The others keep their order (by name).
     */
    private List<CareTeam> ownTeamFirst(Actor actor, List<CareTeam> teams, List<ConversationView> latest) {
        if (!actor.isPatient() || teams.size() < 2) {
            return teams;
        }
        var physician = roster.primaryProvider(actor.practiceId(), actor.patientId());
        Predicate<CareTeam> own = physician.isPresent()
                ? t -> t.hasMember(physician.get())
                : t -> !latest.isEmpty() && latest.get(0).careTeam().id().equals(t.id());
        List<CareTeam> ordered = new ArrayList<>(teams);
        ordered.sort(Comparator.comparing(t -> own.test(t) ? 0 : 1));
        return ordered;
    }

    @GetMapping("/app/conversations/fragment")
    String listFragment(@AuthenticationPrincipal Actor actor, Model model) {
        listInto(actor, null, model);
        return "messaging/list :: conversations";
    }

    /**
     * The reader's conversations as the home screen leads with them: those with unread replies
     * first, then what they are still writing (the new message, and replies being written), then
     * the rest, each group newest first.
     */
    private void listInto(Actor actor, String cursor, Model model) {
        ConversationPage page = lists.list(actor, null, cursor, 20);
        Set<String> draftPlaces = actor.isPatient() ? drafts.places(actor) : Set.of();
        List<ConversationView> ordered = new ArrayList<>(page.items());
        ordered.sort(Comparator.comparing(c -> c.unreadCount() > 0 ? 0
                : draftPlaces.contains(c.id().toString()) ? 1 : 2));
        model.addAttribute("conversations", ordered);
        model.addAttribute("draftPlaces", draftPlaces);
        model.addAttribute("unreadConversations", ordered.stream().filter(c -> c.unreadCount() > 0).count());
        model.addAttribute("unreadReplies", ordered.stream().mapToLong(ConversationView::unreadCount).sum());
        model.addAttribute("newDraft", cursor == null && draftPlaces.contains(Drafts.NEW_CONVERSATION)
                ? draftTitle(drafts.load(actor, Drafts.NEW_CONVERSATION)) : null);
        model.addAttribute("nextCursor", page.nextCursor());
        if (!actor.isStaff()) {
            // Each conversation's status line in short: read by the care team, being handled by…
            Map<String, StatusLine> shortLines = new HashMap<>();
            statusLines.of(actor.practiceId(), page.items()).forEach((id, line) -> shortLines.put(id.toString(), line));
            model.addAttribute("statusLines", shortLines);
        }
    }

    /** How the new-message draft is named on the home screen: its subject, or the start of its text. */
    private static String draftTitle(Map<String, String> draft) {
        String subject = draft.getOrDefault("subject", "").strip();
        if (!subject.isEmpty()) {
            return subject;
        }
        String body = draft.getOrDefault("body", "").strip().replaceAll("\\s+", " ");
        return body.length() > 60 ? body.substring(0, 60) + "…" : body;
    }
}
