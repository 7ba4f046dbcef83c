package io.bedside.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.ProxyGrants;
import io.bedside.messaging.AnswerPromises;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.ConversationKind;
import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.ConversationView;
import io.bedside.messaging.internal.InboxFilter;
import io.bedside.messaging.internal.InboxPage;
import io.bedside.messaging.internal.InboxQuery;
import io.bedside.patient.Patient;
import io.bedside.patient.PatientDirectory;
import io.bedside.practice.CareTeams;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/**
 * The care team's side: the shared inbox with its views and counts, finding a patient, and a
 * patient's page with all their conversations. Staff only; to a patient these pages do not exist.
 */
@Controller
@WebPage
class InboxPages {

    static final int PAGE_SIZE = 25;

    private final ConversationLists conversations;
    private final PatientDirectory patients;
    private final CareTeams careTeams;
    private final ObjectProvider<AnswerPromises> promises;

    private final ProxyGrants proxyGrants;

    InboxPages(ProxyGrants proxyGrants, ConversationLists conversations, PatientDirectory patients, CareTeams careTeams,
            ObjectProvider<AnswerPromises> promises) {
        this.proxyGrants = proxyGrants;
        this.promises = promises;
        this.conversations = conversations;
        this.patients = patients;
        this.careTeams = careTeams;
    }

    @GetMapping("/app/inbox")
    String inbox(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String team,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String open,
            Model model) {
        inboxInto(actor, team, filter, kind, cursor, model);
        // The conversation to show beside the list on a wide screen (js/inbox.js loads it; its own
        // page checks access). Only a well-formed id is passed on.
        model.addAttribute("open", open == null || open.isBlank() ? null : ConversationId.parse(open).value().toString());
        return "messaging/inbox";
    }

    /** The list alone, for live refreshes. */
    @GetMapping("/app/inbox/fragment")
    String inboxFragment(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String team,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String cursor, Model model) {
        inboxInto(actor, team, filter, kind, cursor, model);
        return "messaging/inbox :: results";
    }

    private void inboxInto(Actor actor, String team, String filter, String kind, String cursor, Model model) {
        CareTeamId teamId = team == null || team.isBlank() ? null : CareTeamId.parse(team);
        InboxFilter view = InboxFilter.fromCode(filter);
        ConversationKind only = kind == null || kind.isBlank() ? null : ConversationKind.fromCode(kind);
        InboxPage page = conversations.inbox(actor, new InboxQuery(teamId, view, only, cursor, PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("previews", conversations.inboxPreviews(actor, page.items()));
        var promiseSource = promises.getIfAvailable();
        model.addAttribute("promises", promiseSource == null ? Map.of() : promiseSource.of(actor.practiceId(),
                page.items().stream().map(ConversationView::id).toList()));
        model.addAttribute("filters", InboxFilter.values());
        model.addAttribute("kinds", ConversationKind.values());
        model.addAttribute("filter", view);
        model.addAttribute("kind", only);
        model.addAttribute("team", teamId == null ? null : teamId.value().toString());
        model.addAttribute("teams", careTeams.inPractice(actor.practiceId()));
        model.addAttribute("myTeams", careTeams.visibleTo(actor));
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
    }

    @GetMapping("/app/patients")
    String search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q, Model model) {
        boolean asked = q != null && !q.isBlank();
        List<Patient> found = patients.search(actor, q);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("asked", asked);
        model.addAttribute("found", found);
        // The "Add a patient" form (posted to admin.web.PatientRecordPages), empty.
        model.addAttribute("newPatient", java.util.Map.of("language", "en", "sex", "unknown"));
        model.addAttribute("invite", false);
        model.addAttribute("errors", java.util.Map.of());
        return "messaging/patients";
    }

    @GetMapping("/app/patients/{id}")
    String patient(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id, Model model) {
        Patient patient = patients.patient(actor, id);
        model.addAttribute("patient", patient);
        model.addAttribute("conversations", conversations.ofPatient(actor, patient.id()));
        // Who may act for the patient (parents, guardians, caregivers), granted and ended here.
        model.addAttribute("proxies", proxyGrants.list(actor, patient.id()));
        // The form offers what fits the patient's age: a parent for a child, a caregiver for an adult.
        model.addAttribute("proxyDefault", patient.birthDate() != null
                && patient.ageOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC)) >= 18 ? "caregiver" : "parent");
        return "messaging/patient";
    }
}
