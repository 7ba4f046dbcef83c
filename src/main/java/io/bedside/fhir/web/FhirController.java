package io.bedside.fhir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.bedside.fhir.internal.BulkExports;
import io.bedside.fhir.internal.FhirJson;
import io.bedside.fhir.internal.PatientBundles;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.PatientId;

/**
 * FHIR out (docs/subsystems/fhir.md): {@code GET /api/v1/patients/{id}/fhir} (a patient's
 * conversations as a FHIR R4 Bundle), and the practice-wide export in the style of FHIR Bulk Data:
 * {@code POST /api/v1/fhir/$export}, {@code GET|DELETE /api/v1/fhir/$export-status/{id}},
 * {@code GET /api/v1/fhir/$export-file/{id}}. Who may is decided in the services.
 */
@RestController
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    static final MediaType FHIR_NDJSON = MediaType.parseMediaType("application/fhir+ndjson");

    private final PatientBundles bundles;
    private final BulkExports exports;
    private final FhirJson json;

    FhirController(PatientBundles bundles, BulkExports exports, FhirJson json) {
        this.bundles = bundles;
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/api/v1/patients/{id}/fhir")
    ResponseEntity<String> patientBundle(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        PatientId patient = PatientId.of(Ids.parseField("id", id));
        String app = appBase();
        return ResponseEntity.ok().contentType(FHIR_JSON).header("Cache-Control", "no-store")
                .body(bundles.bundle(actor, patient, app + "/api/v1/fhir", app));
    }

    @PostMapping("/api/v1/fhir/$export")
    ResponseEntity<Void> export(@AuthenticationPrincipal Actor actor) {
        String app = appBase();
        UUID job = exports.request(actor, ServletUriComponentsBuilder.fromCurrentRequest().toUriString(), app);
        return ResponseEntity.accepted().header("Content-Location", app + "/api/v1/fhir/$export-status/" + job)
                .build();
    }

    @GetMapping("/api/v1/fhir/$export-status/{id}")
    ResponseEntity<?> status(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        BulkExports.Status status = exports.status(actor, Ids.parseField("id", id));
        if (status instanceof BulkExports.Running running) {
            return ResponseEntity.accepted().header("X-Progress", running.progress()).header("Retry-After", "1")
                    .header("Cache-Control", "no-store").build();
        }
        if (status instanceof BulkExports.Failed failed) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.EXCEPTION).setDiagnostics(failed.message());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(FHIR_JSON)
                    .body(json.write(outcome, false));
        }
        BulkExports.Done done = (BulkExports.Done) status;
        String app = appBase();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("transactionTime", done.transactionTime().toString());
        manifest.put("request", done.request());
        manifest.put("requiresAccessToken", true);
        manifest.put("output", done.output().stream().map(o -> Map.of("type", o.type(), "url",
                app + "/api/v1/fhir/$export-file/" + o.fileId(), "count", o.count())).toList());
        manifest.put("error", List.of());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .body(manifest);
    }

    @DeleteMapping("/api/v1/fhir/$export-status/{id}")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        exports.cancel(actor, Ids.parseField("id", id));
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/v1/fhir/$export-file/{id}")
    ResponseEntity<String> file(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        BulkExports.File file = exports.download(actor, Ids.parseField("id", id));
        return ResponseEntity.ok().contentType(FHIR_NDJSON).header("Cache-Control", "no-store").body(file.ndjson());
    }

    private static String appBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
