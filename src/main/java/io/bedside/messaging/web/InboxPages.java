package io.bedside.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bedside.identity.ProxyGrants;
import io.bedside.messaging.AnswerPromises;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.BulkActions;
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
    private final BulkActions bulk;

    InboxPages(BulkActions bulk, ProxyGrants proxyGrants, ConversationLists conversations, PatientDirectory patients, CareTeams careTeams,
            ObjectProvider<AnswerPromises> promises) {
        this.proxyGrants = proxyGrants;
        this.bulk = bulk;
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
        // The bulk bar: who one may assign to (the members of the reader's teams), the priorities.
        model.addAttribute("bulkSelectable", true);
        Map<java.util.UUID, io.bedside.practice.StaffMember> assignable = new java.util.LinkedHashMap<>();
        careTeams.visibleTo(actor).forEach(t -> t.members().stream().filter(io.bedside.practice.StaffMember::active)
                .forEach(m -> assignable.putIfAbsent(m.id().value(), m)));
        model.addAttribute("assignable", assignable.values().stream()
                .sorted(java.util.Comparator.comparing(io.bedside.practice.StaffMember::displayName)).toList());
        model.addAttribute("priorities", io.bedside.messaging.Priority.values());
    }

    /**
     * One action on the selected conversations (BulkActions): each checked on its own, the
     * outcome told as "3 done, 1 could not be changed", the refused ones left selected with their
     * reason. With htmx the list comes back in place; without, a redirect to the same view.
     */
    @PostMapping("/app/inbox/bulk")
    String bulk(@AuthenticationPrincipal Actor actor, @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(required = false) String action, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String days,
            @RequestParam(required = false) String team, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String kind,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        actor.requireStaff();
        BulkActions.Action what = BulkActions.Action.fromCode(action);
        List<BulkActions.Item> items = BulkActions.items(ids);
        Map<String, Object> outcome = new java.util.HashMap<>();
        if (items.isEmpty()) {
            outcome.put("bulkNone", true);
        } else {
            String value = switch (what) {
                case ASSIGN -> assignee == null ? "" : assignee;
                case PRIORITY -> priority;
                case SNOOZE -> days;
                case CLOSE -> null;
            };
            BulkActions.Result result = bulk.apply(actor, items, what, value);
            outcome.put("bulkDone", result.done());
            outcome.put("bulkRefusedCount", result.refused());
            outcome.put("bulkRefused", result.refusals());
        }
        if (htmx != null) {
            inboxInto(actor, team, filter, kind, null, model);
            model.addAllAttributes(outcome);
            return "messaging/inbox :: results";
        }
        outcome.forEach(redirect::addFlashAttribute);
        redirect.addAttribute("filter", filter == null || filter.isBlank() ? "open" : filter);
        if (team != null && !team.isBlank()) {
            redirect.addAttribute("team", team);
        }
        if (kind != null && !kind.isBlank()) {
            redirect.addAttribute("kind", kind);
        }
        return "redirect:/app/inbox";
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
