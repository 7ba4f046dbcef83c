package io.bedside.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.admin.PracticeDetails;
import io.bedside.practice.ConfidentialAges;
import io.bedside.practice.Practice;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code GET /api/v1/practice} and {@code PATCH /api/v1/practice}: practice admins read and change
 * their practice's name, display name, time zone, default language, phone and address. A PATCH
 * names only what it changes; {@code null} or {@code ""} clears displayName, phone or address.
 * Other staff get 403, patients 404.
 */
@RestController
class PracticeController {

    record AgeRangeJson(int from, int to) {
    }

    record PracticeJson(String id, String slug, String name, String displayName, String timeZone,
            String defaultLanguage, String phone, String address, AgeRangeJson confidentialAgeRange) {
        static PracticeJson of(Practice p, ConfidentialAges ages) {
            return new PracticeJson(p.id().toString(), p.slug(), p.name(), p.shownName(), p.timeZone().getId(),
                    p.defaultLanguage(), p.phone(), p.address(), new AgeRangeJson(ages.from(), ages.to()));
        }
    }

    private final PracticeDetails details;

    PracticeController(PracticeDetails details) {
        this.details = details;
    }

    @GetMapping("/api/v1/practice")
    PracticeJson practice(@AuthenticationPrincipal Actor actor) {
        return PracticeJson.of(details.of(actor), details.confidentialAges(actor));
    }

    @PatchMapping(path = "/api/v1/practice", consumes = "application/json")
    PracticeJson change(@AuthenticationPrincipal Actor actor, @RequestBody Map<String, Object> body) {
        Map<String, Object> fields = new LinkedHashMap<>(body);
        Object range = fields.remove("confidentialAgeRange");
        Map<String, String> changes = strings(fields);
        // Checked before anything is written, so a bad range changes nothing else either.
        Integer[] ages = range == null ? null : ages(range);
        Practice practice = details.change(actor, changes);
        if (ages != null) {
            details.setConfidentialAges(actor, ages[0], ages[1]);
        }
        return PracticeJson.of(practice, details.confidentialAges(actor));
    }

    /** {@code {"from": 12, "to": 17}}: whole numbers, or a 400 naming the field. */
    private static Integer[] ages(Object range) {
        if (!(range instanceof Map<?, ?> map) || !(map.get("from") instanceof Integer from)
                || !(map.get("to") instanceof Integer to) || map.size() != 2) {
            throw new InvalidRequestException("confidentialAgeRange",
                    "confidentialAgeRange must be {\"from\": <age>, \"to\": <age>} with whole numbers, for example {\"from\": 12, \"to\": 17}.");
        }
        new ConfidentialAges(from, to);
        return new Integer[] {from, to};
    }

    /** The body's fields as text: each value a string or null, anything else refused naming the field. */
    static Map<String, String> strings(Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.forEach((field, value) -> {
            if (value != null && !(value instanceof String)) {
                throw new InvalidRequestException(field, "The value of '" + field + "' must be a string or null.");
            }
            fields.put(field, (String) value);
        });
        return fields;
    }
}
