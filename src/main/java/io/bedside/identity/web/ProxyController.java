package io.bedside.identity.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.identity.ProxyGrants;
import io.bedside.identity.ProxyGrants.GrantView;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.shared.Relationship;

/**
 * Family access over the API: staff manage the parents, guardians and caregivers of a patient of
 * their practice ({@code /api/v1/patients/{id}/proxies}); an adult patient manages their own
 * caregivers ({@code /api/v1/me/proxies}). Anyone else is told the patient or grant does not exist.
 */
@RestController
class ProxyController {

    record GrantRequest(String name, String email, String relationship) {
        @Override
        public String toString() {
            return "GrantRequest";
        }
    }

    record ProxyView(String id, String displayName, String email) {
        @Override
        public String toString() {
            return "ProxyView[" + id + "]";
        }
    }

    record GrantJson(String id, String patientId, ProxyView proxy, String relationship, Instant grantedAt,
            boolean inForce) {

        static GrantJson of(GrantView g) {
            return new GrantJson(g.id().toString(), g.patientId().toString(),
                    new ProxyView(g.proxyId().toString(), g.proxyName(), g.proxyEmail()), g.relationship().code(),
                    g.grantedAt(), g.inForce());
        }
    }

    record GrantList(List<GrantJson> items) {
    }

    private final ProxyGrants grants;

    ProxyController(ProxyGrants grants) {
        this.grants = grants;
    }

    // ------------------------------------------------------------ staff

    @GetMapping("/api/v1/patients/{id}/proxies")
    GrantList list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return new GrantList(grants.list(actor, PatientId.of(Ids.parse(id))).stream().map(GrantJson::of).toList());
    }

    @PostMapping("/api/v1/patients/{id}/proxies")
    ResponseEntity<GrantJson> grant(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            @RequestBody GrantRequest request) {
        PatientId patient = PatientId.of(Ids.parse(id));
        // A missing or unknown relationship is refused by the service, after it has checked the caller.
        Relationship relationship = Relationship.ofCode(request.relationship()).orElse(null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(GrantJson.of(grants.grant(actor, patient, request.name(), request.email(), relationship)));
    }

    @DeleteMapping("/api/v1/patients/{id}/proxies/{grantId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id,
            @PathVariable String grantId) {
        grants.revoke(actor, PatientId.of(Ids.parse(id)), Ids.parse(grantId));
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------ an adult patient's caregivers

    @GetMapping("/api/v1/me/proxies")
    GrantList listOwn(@AuthenticationPrincipal Actor actor) {
        return new GrantList(grants.listOwn(actor).stream().map(GrantJson::of).toList());
    }

    @PostMapping("/api/v1/me/proxies")
    ResponseEntity<GrantJson> grantCaregiver(@AuthenticationPrincipal Actor actor,
            @RequestBody GrantRequest request) {
        // A patient gives caregiver access only; naming another relationship is a mistake to point out.
        if (request.relationship() != null && Relationship.ofCode(request.relationship())
                .filter(r -> r == Relationship.CAREGIVER).isEmpty()) {
            throw new InvalidRequestException("relationship", "A patient grants caregiver access only.");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(GrantJson.of(grants.grantCaregiver(actor, request.name(), request.email())));
    }

    @DeleteMapping("/api/v1/me/proxies/{id}")
    ResponseEntity<Void> revokeOwn(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        grants.revokeOwn(actor, Ids.parse(id));
        return ResponseEntity.noContent().build();
    }
}
