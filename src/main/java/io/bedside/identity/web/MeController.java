package io.bedside.identity.web;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.identity.Accounts;
import io.bedside.identity.UserProfile;
import io.bedside.shared.Actor;

/** {@code GET /api/v1/me}: who the caller is. */
@RestController
class MeController {

    record PracticeView(String id, String name) {
    }

    record MeView(String id, String kind, PracticeView practice, String displayName, String email,
            List<String> roles, String patientId) {

        @Override
        public String toString() {
            return "MeView[" + id + "]";
        }
    }

    private final Accounts accounts;

    MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/me")
    MeView me(@AuthenticationPrincipal Actor actor) {
        UserProfile p = accounts.profile(actor);
        return new MeView(p.id().toString(), p.kind().name().toLowerCase(Locale.ROOT),
                new PracticeView(p.practiceId().toString(), p.practiceName()), p.displayName(), p.email(), p.roles(),
                p.patientId() == null ? null : p.patientId().toString());
    }
}
