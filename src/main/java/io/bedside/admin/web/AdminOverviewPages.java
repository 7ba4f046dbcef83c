package io.bedside.admin.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.bedside.admin.CareTeamAdministration;
import io.bedside.admin.PracticeAdministration;
import io.bedside.identity.Accounts;
import io.bedside.notification.FailedNotices;
import io.bedside.shared.Actor;
import io.bedside.web.WebPage;

/**
 * Where a practice admin lands after signing in: the practice's teams with their members, how
 * many staff and pending invitations there are, failed notices, and a way into each admin page.
 * Holds no patient data. Other staff get 403, patients 404 (as every admin page).
 */
@Controller
@WebPage
class AdminOverviewPages {

    private final CareTeamAdministration teams;
    private final PracticeAdministration admin;
    private final FailedNotices failedNotices;

    AdminOverviewPages(CareTeamAdministration teams, PracticeAdministration admin, FailedNotices failedNotices) {
        this.teams = teams;
        this.admin = admin;
        this.failedNotices = failedNotices;
    }

    @GetMapping("/app/admin")
    String overview(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("teams", teams.teams(actor));
        List<Accounts.StaffAccount> staff = admin.staff(actor);
        model.addAttribute("activeStaff", count(staff, Accounts.StaffAccount.Status.ACTIVE));
        model.addAttribute("invited", count(staff, Accounts.StaffAccount.Status.INVITED));
        model.addAttribute("disabled", count(staff, Accounts.StaffAccount.Status.DISABLED));
        model.addAttribute("failed", failedNotices.count(actor));
        return "admin/overview";
    }

    private static long count(List<Accounts.StaffAccount> staff, Accounts.StaffAccount.Status status) {
        return staff.stream().filter(a -> a.status() == status).count();
    }
}
