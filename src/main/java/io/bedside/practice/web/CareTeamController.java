package io.bedside.practice.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;

/** {@code GET /api/v1/care-teams}: the teams a patient may write to, or a staff member belongs to. */
@RestController
class CareTeamController {

    record MemberView(String id, String displayName, String role, String title) {
        static MemberView of(StaffMember m) {
            return new MemberView(m.id().toString(), m.displayName(), m.role().code(), m.title());
        }
    }

    record CareTeamView(String id, String name, String description, int expectedResponseHours,
            List<MemberView> members) {
        static CareTeamView of(CareTeam t) {
            return new CareTeamView(t.id().toString(), t.name(), t.description(), t.expectedResponseHours(),
                    t.members().stream().map(MemberView::of).toList());
        }
    }

    private final CareTeams careTeams;

    CareTeamController(CareTeams careTeams) {
        this.careTeams = careTeams;
    }

    record CareTeamList(List<CareTeamView> items) {
    }

    @GetMapping("/api/v1/care-teams")
    CareTeamList careTeams(@AuthenticationPrincipal Actor actor) {
        return new CareTeamList(careTeams.visibleTo(actor).stream().map(CareTeamView::of).toList());
    }
}
