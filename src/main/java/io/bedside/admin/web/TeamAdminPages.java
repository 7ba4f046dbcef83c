package io.bedside.admin.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.admin.CareTeamAdministration;
import io.bedside.admin.PracticeAdministration;
import io.bedside.identity.Accounts;
import io.bedside.practice.CareTeam;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/** Care teams and who is on them. */
@Controller
@WebPage
class TeamAdminPages {

    private final CareTeamAdministration teams;
    private final PracticeAdministration admin;

    TeamAdminPages(CareTeamAdministration teams, PracticeAdministration admin) {
        this.teams = teams;
        this.admin = admin;
    }

    /** A team form as typed. */
    record TeamForm(String name, String description, String expectedResponseHours) {
    }

    @GetMapping("/app/admin/teams")
    String teams(@AuthenticationPrincipal Actor actor, Model model) {
        return teamsPage(actor, model, new TeamForm("", "", "24"), Map.of());
    }

    @PostMapping("/app/admin/teams")
    String create(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String expectedResponseHours, Model model, HttpServletResponse response) {
        try {
            CareTeamId id = teams.createTeam(actor, name, description, expectedResponseHours);
            return "redirect:/app/admin/teams/" + id + "?created";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return teamsPage(actor, model, new TeamForm(name, description, expectedResponseHours),
                    Map.of(e.field(), e.getMessage()));
        }
    }

    @GetMapping("/app/admin/teams/{id}")
    String team(@AuthenticationPrincipal Actor actor, @PathVariable CareTeamId id, Model model) {
        CareTeam team = teams.team(actor, id);
        return teamPage(actor, model, team, new TeamForm(team.name(), team.description(),
                String.valueOf(team.expectedResponseHours())), Map.of());
    }

    @PostMapping("/app/admin/teams/{id}")
    String update(@AuthenticationPrincipal Actor actor, @PathVariable CareTeamId id,
            @RequestParam(required = false) String name, @RequestParam(required = false) String description,
            @RequestParam(required = false) String expectedResponseHours,
            @RequestParam(required = false) String handlesBilling, Model model, HttpServletResponse response) {
        try {
            teams.updateTeam(actor, id, name, description, expectedResponseHours);
            teams.setHandlesBilling(actor, id, handlesBilling != null);
            return "redirect:/app/admin/teams/" + id + "?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return teamPage(actor, model, teams.team(actor, id),
                    new TeamForm(name, description, expectedResponseHours), Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/admin/teams/{id}/members")
    String addMember(@AuthenticationPrincipal Actor actor, @PathVariable CareTeamId id,
            @RequestParam(required = false) String staffId) {
        if (staffId == null || staffId.isBlank()) {
            throw new InvalidRequestException("staffId", "Choose who to add.");
        }
        teams.addMember(actor, id, UserId.parse(staffId));
        return "redirect:/app/admin/teams/" + id + "?added";
    }

    @PostMapping("/app/admin/teams/{id}/members/{staffId}/remove")
    String removeMember(@AuthenticationPrincipal Actor actor, @PathVariable CareTeamId id, @PathVariable UserId staffId) {
        teams.removeMember(actor, id, staffId);
        return "redirect:/app/admin/teams/" + id + "?removed";
    }

    @PostMapping("/app/admin/teams/{id}/hours")
    String hours(@AuthenticationPrincipal Actor actor, @PathVariable CareTeamId id,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<DayOfWeek, String[]> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = day.name().toLowerCase(Locale.ROOT);
            days.put(day, new String[] {form.get("opens." + key), form.get("closes." + key)});
        }
        try {
            teams.setOfficeHours(actor, id, days);
            return "redirect:/app/admin/teams/" + id + "?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            CareTeam team = teams.team(actor, id);
            return teamPage(actor, model, team, new TeamForm(team.name(), team.description(),
                    String.valueOf(team.expectedResponseHours())), Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/admin/teams/{id}/contacts")
    String contacts(@AuthenticationPrincipal Actor actor, @PathVariable CareTeamId id,
            @RequestParam(required = false) String leadId,
            @RequestParam(name = "onCall", required = false) List<String> onCall) {
        Set<UserId> onCallIds = new HashSet<>();
        if (onCall != null) {
            onCall.forEach(v -> onCallIds.add(UserId.parse(v)));
        }
        teams.setContacts(actor, id, leadId == null || leadId.isBlank() ? null : UserId.parse(leadId), onCallIds);
        return "redirect:/app/admin/teams/" + id + "?saved";
    }

    private String teamsPage(Actor actor, Model model, TeamForm form, Map<String, String> errors) {
        model.addAttribute("teams", teams.teams(actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/teams";
    }

    private String teamPage(Actor actor, Model model, CareTeam team, TeamForm form, Map<String, String> errors) {
        model.addAttribute("team", team);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("contacts", teams.contacts(actor, team.id()));
        var hours = teams.officeHours(actor, team.id());
        List<String[]> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            var windows = hours.week().getOrDefault(day, List.of());
            week.add(new String[] {day.name().toLowerCase(Locale.ROOT),
                    windows.isEmpty() ? "" : windows.get(0).opens().toString(),
                    windows.isEmpty() ? "" : windows.get(0).closes().toString()});
        }
        model.addAttribute("week", week);
        model.addAttribute("alwaysOpen", hours.alwaysOpen());
        model.addAttribute("candidates", admin.staff(actor).stream()
                .filter(a -> a.status() != Accounts.StaffAccount.Status.DISABLED)
                .map(a -> a.member()).filter(m -> !team.hasMember(m.id())).toList());
        return "admin/team";
    }
}
