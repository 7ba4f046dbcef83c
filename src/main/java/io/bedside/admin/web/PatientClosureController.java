package io.bedside.admin.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.admin.PatientClosures;
import io.bedside.patient.Patient;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;

/**
 * {@code POST /api/v1/patients/{id}/close} and {@code /reopen}: practice admins close a patient's
 * account and open it again.
 */
@RestController
class PatientClosureController {

    record CloseJson(String reason) {
    }

    record ReopenJson(Boolean correction) {
    }

    record AccountJson(String patientId, boolean closed, String reason, String closedAt) {
        static AccountJson of(Patient p) {
            return new AccountJson(p.id().toString(), p.closed(), p.closed() ? p.closure().reason().code() : null,
                    p.closed() ? p.closure().closedAt().toString() : null);
        }
    }

    private final PatientClosures closures;

    PatientClosureController(PatientClosures closures) {
        this.closures = closures;
    }

    @PostMapping("/api/v1/patients/{id}/close")
    AccountJson close(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id, @RequestBody CloseJson body) {
        return AccountJson.of(closures.close(actor, id, body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/patients/{id}/reopen")
    AccountJson reopen(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id,
            @RequestBody(required = false) ReopenJson body) {
        return AccountJson.of(closures.reopen(actor, id,
                body != null && Boolean.TRUE.equals(body.correction())));
    }
}
