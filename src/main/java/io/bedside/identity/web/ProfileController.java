package io.bedside.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.identity.PatientProfiles;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code GET/PATCH /api/v1/me/profile}: a patient's own email address, mobile number and
 * language. A new email address is pending until the link sent to it is followed.
 */
@RestController
class ProfileController {

    record ProfileJson(String email, String pendingEmail, String pendingEmailExpiresAt, String phone,
            String language) {
        static ProfileJson of(PatientProfiles.Profile p) {
            return new ProfileJson(p.email(), p.pendingEmail(),
                    p.pendingEmailExpiresAt() == null ? null : p.pendingEmailExpiresAt().toString(), p.phone(),
                    p.language());
        }

        @Override
        public String toString() {
            return "ProfileJson";
        }
    }

    record ChangeJson(String email, String phone, String language) {
        @Override
        public String toString() {
            return "ChangeJson";
        }
    }

    private final PatientProfiles profiles;

    ProfileController(PatientProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/me/profile")
    ProfileJson get(@AuthenticationPrincipal Actor actor) {
        return ProfileJson.of(profiles.profile(actor));
    }

    @PatchMapping("/api/v1/me/profile")
    ProfileJson patch(@AuthenticationPrincipal Actor actor, @RequestBody ChangeJson body) {
        if (body == null) {
            throw new InvalidRequestException("body", "Send at least one of email, phone and language.");
        }
        return ProfileJson.of(profiles.update(actor, new PatientProfiles.Change(body.email(), body.phone(),
                body.language())));
    }

    /** Cancels a change of email address still waiting for its link. */
    @DeleteMapping("/api/v1/me/profile/pending-email")
    ProfileJson cancelEmailChange(@AuthenticationPrincipal Actor actor) {
        return ProfileJson.of(profiles.cancelEmailChange(actor));
    }
}
