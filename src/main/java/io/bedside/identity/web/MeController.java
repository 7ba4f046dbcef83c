package io.bedside.identity.web;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    record AgeRangeView(int from, int to) {
    }

    /** One record the caller may act for; the age range only for a patient in it today. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PatientView(String id, String displayName, String relationship, AgeRangeView confidentialAgeRange) {
    }

    record MeView(String id, String kind, PracticeView practice, String displayName, String email,
            List<String> roles, String patientId, List<PatientView> patients) {

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
                p.patientId() == null ? null : p.patientId().toString(),
                accounts.family(actor).stream().map(f -> new PatientView(f.id().toString(), f.displayName(),
                        f.relationship().code(), f.confidentialAgeRange() == null ? null
                                : new AgeRangeView(f.confidentialAgeRange().from(), f.confidentialAgeRange().to())))
                        .toList());
    }
}
