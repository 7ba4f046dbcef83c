package io.bedside.admin.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.admin.PatientRecords;
import io.bedside.admin.internal.RosterRowChecks;
import io.bedside.patient.Patient;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;

/**
 * Staff keeping the roster: {@code POST /api/v1/patients} adds one patient with the roster fields
 * (201, {@code Location}; 409 for an external id already on the roster; {@code invite: true}
 * invites them at once), {@code GET /api/v1/patients/{id}} reads one (audited), and
 * {@code PATCH /api/v1/patients/{id}} changes their email, mobile number, language or own physician ({@code primaryProviderId}) (audited).
 * Patients get 404; another practice's patient is 404 like a missing one.
 */
@RestController
class PatientRecordsController {

    private static final Set<String> NEW_PATIENT_FIELDS = Set.of("externalId", "givenName", "familyName", "birthDate",
            "sex", "email", "phone", "language", "tags", "lastVisit", "invite");

    record PatientJson(String id, String externalId, String givenName, String familyName, String birthDate,
            String sex, String email, String phone, String language, String primaryProviderId, List<String> tags,
            String lastVisit, Boolean invited) {

        static PatientJson of(Patient p, List<String> tags, LocalDate lastVisit, Boolean invited) {
            return of(p, null, tags, lastVisit, invited);
        }

        static PatientJson of(Patient p, UserId primaryProvider, List<String> tags, LocalDate lastVisit,
                Boolean invited) {
            return new PatientJson(p.id().toString(), p.externalId(), p.givenName(), p.familyName(),
                    p.birthDate().toString(), p.sex().code(), p.email(), p.phone(), p.language(),
                    primaryProvider == null ? null : primaryProvider.toString(), tags,
                    lastVisit == null ? null : lastVisit.toString(), invited);
        }

        @Override
        public String toString() {
            return "PatientJson[" + id + "]";
        }
    }

    private final PatientRecords records;

    PatientRecordsController(PatientRecords records) {
        this.records = records;
    }

    @PostMapping(path = "/api/v1/patients", consumes = "application/json")
    ResponseEntity<PatientJson> add(@AuthenticationPrincipal Actor actor, @RequestBody Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!NEW_PATIENT_FIELDS.contains(field)) {
                throw new InvalidRequestException(field, "There is no field '" + field + "'. The fields are externalId, "
                        + "givenName, familyName, birthDate, sex, email, phone, language, tags, lastVisit and invite.");
            }
        }
        Object invite = body.get("invite");
        if (invite != null && !(invite instanceof Boolean)) {
            throw new InvalidRequestException("invite", "invite is true or false.");
        }
        RosterRowChecks.Fields fields = new RosterRowChecks.Fields(text(body, "externalId"), text(body, "givenName"),
                text(body, "familyName"), text(body, "birthDate"), text(body, "sex"), text(body, "email"),
                text(body, "phone"), text(body, "language"), tags(body.get("tags")), text(body, "lastVisit"));
        PatientRecords.Added added = records.add(actor, fields, Boolean.TRUE.equals(invite));
        return ResponseEntity.created(URI.create("/api/v1/patients/" + added.patient().id()))
                .body(PatientJson.of(added.patient(), added.tags(), added.lastVisit(), added.invited()));
    }

    @GetMapping("/api/v1/patients/{id}")
    PatientJson id(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id) {
        Patient found = records.find(actor, id);
        return PatientJson.of(found, records.primaryProvider(actor, id).orElse(null), null, null, null);
    }

    @PatchMapping(path = "/api/v1/patients/{id}", consumes = "application/json")
    PatientJson changeContact(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id,
            @RequestBody Map<String, Object> body) {
        Patient changed = records.changeContact(actor, id, PracticeController.strings(body));
        return PatientJson.of(changed, records.primaryProvider(actor, id).orElse(null), null, null, null);
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidRequestException(field, "The value of '" + field + "' must be a string.");
        }
        return (String) value;
    }

    /** Tags as a JSON array of strings (or, as in the roster file, one string separated by ";"). */
    private static String tags(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof List<?> list) {
            List<String> tags = new ArrayList<>();
            for (Object tag : list) {
                if (!(tag instanceof String s) || s.matches(".*[;|,].*")) {
                    throw new InvalidRequestException("tags", "tags is a list of words such as [\"diabetes\"].");
                }
                tags.add(s);
            }
            return String.join(";", tags);
        }
        throw new InvalidRequestException("tags", "tags is a list of words such as [\"diabetes\"].");
    }
}
