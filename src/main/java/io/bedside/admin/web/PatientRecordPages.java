package io.bedside.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.admin.PatientRecords;
import io.bedside.admin.internal.RosterRowChecks;
import io.bedside.patient.Patient;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.shared.UserId;
import io.bedside.web.WebPage;

/**
 * The forms behind the Patients pages: "Add a patient" on {@code /app/patients} (a bad field shows
 * the form again with the values typed) and "Edit contact details" of one patient.
 */
@Controller
@WebPage
class PatientRecordPages {

    static final List<String> NEW_FIELDS = List.of("externalId", "givenName", "familyName", "birthDate", "sex", "email",
            "phone", "language", "tags", "lastVisit");

    private final PatientRecords records;

    PatientRecordPages(PatientRecords records) {
        this.records = records;
    }

    @PostMapping("/app/patients/new")
    String add(@AuthenticationPrincipal Actor actor, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        NEW_FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
        boolean invite = "true".equals(form.get("invite"));
        try {
            PatientRecords.Added added = records.add(actor, new RosterRowChecks.Fields(values.get("externalId"),
                    values.get("givenName"), values.get("familyName"), values.get("birthDate"), values.get("sex"),
                    values.get("email"), values.get("phone"), values.get("language"), values.get("tags"),
                    values.get("lastVisit")), invite);
            return "redirect:/app/patients/" + added.patient().id() + (invite ? "?added&invited" : "?added");
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return patientsPage(model, values, invite, Map.of(e.field(), e.getMessage()));
        } catch (ConflictException e) {
            response.setStatus(409);
            return patientsPage(model, values, invite, Map.of("externalId", e.getMessage()));
        }
    }

    @GetMapping("/app/patients/{id}/contact")
    String contact(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id, Model model) {
        Patient patient = records.find(actor, id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", patient.email() == null ? "" : patient.email());
        values.put("phone", patient.phone() == null ? "" : patient.phone());
        values.put("language", patient.language());
        values.put("primaryProviderId", records.primaryProvider(actor, patient.id()).map(UserId::toString).orElse(""));
        return contactPage(model, actor, patient, values, Map.of());
    }

    @PostMapping("/app/patients/{id}/contact")
    String changeContact(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        // A form without the physician field (an older page still open) leaves the physician as it is.
        PatientRecords.CONTACT_FIELDS.stream().filter(f -> form.containsKey(f) || !f.equals("primaryProviderId"))
                .forEach(f -> values.put(f, form.getOrDefault(f, "")));
        try {
            records.changeContact(actor, id, values);
            return "redirect:/app/patients/" + id + "?contactSaved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return contactPage(model, actor, records.find(actor, id), values, Map.of(e.field(), e.getMessage()));
        }
    }

    private static String patientsPage(Model model, Map<String, String> values, boolean invite,
            Map<String, String> errors) {
        model.addAttribute("q", "");
        model.addAttribute("asked", false);
        model.addAttribute("found", List.of());
        model.addAttribute("newPatient", values);
        model.addAttribute("invite", invite);
        model.addAttribute("errors", errors);
        return "messaging/patients";
    }

    private String contactPage(Model model, Actor actor, Patient id, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("patient", id);
        model.addAttribute("physicians", records.physicians(actor));
        model.addAttribute("contact", values);
        model.addAttribute("errors", errors);
        return "admin/patient-contact";
    }
}
