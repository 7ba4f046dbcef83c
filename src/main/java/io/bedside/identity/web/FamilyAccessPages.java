package io.bedside.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bedside.identity.ProxyGrants;
import io.bedside.patient.Patients;
import io.bedside.shared.ActingFor;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.Relationship;
import io.bedside.shared.UnprocessableException;
import io.bedside.web.WebPage;

/**
 * Family access in the app: staff grant and end a parent's, guardian's or caregiver's access from
 * the patient's page ({@code /app/patients/{id}}, whose section the messaging pages draw from
 * {@link ProxyGrants#list}); a patient sees who may act for them and whom they act for, and an adult
 * adds or removes a caregiver ({@code /app/settings/family}).
 */
@Controller
@WebPage
class FamilyAccessPages {

    /** Someone the reader acts for, named for the page. */
    record ActsFor(String name, String relationship) {
        @Override
        public String toString() {
            return "ActsFor[" + relationship + "]";
        }
    }

    private final ProxyGrants grants;
    private final Patients patients;

    FamilyAccessPages(ProxyGrants grants, Patients patients) {
        this.grants = grants;
        this.patients = patients;
    }

    // ------------------------------------------------------------ staff, on the patient's page

    @PostMapping("/app/patients/{id}/proxies")
    String grant(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id,
            @RequestParam(required = false) String name, @RequestParam(required = false) String email,
            @RequestParam(required = false) String relationship, RedirectAttributes redirect) {
        try {
            grants.grant(actor, id, name, email, Relationship.ofCode(relationship)
                    .filter(r -> r != Relationship.SELF)
                    .orElseThrow(() -> new InvalidRequestException("relationship", "Choose parent, guardian or caregiver.")));
            return "redirect:/app/patients/" + id + "?proxyGranted#family";
        } catch (InvalidRequestException | ConflictException | UnprocessableException e) {
            redirect.addFlashAttribute("proxyError", e.getMessage());
            redirect.addFlashAttribute("proxyForm", form(name, email, relationship));
            return "redirect:/app/patients/" + id + "#family";
        }
    }

    @PostMapping("/app/patients/{id}/proxies/{grant}/revoke")
    String revoke(@AuthenticationPrincipal Actor actor, @PathVariable PatientId id, @PathVariable String grant) {
        grants.revoke(actor, id, Ids.parse(grant));
        return "redirect:/app/patients/" + id + "?proxyRevoked#family";
    }

    // ------------------------------------------------------------ the patient's own settings

    @GetMapping("/app/settings/family")
    String family(@AuthenticationPrincipal Actor actor, Model model) {
        if (!actor.isPatient()) {
            throw new NotFoundException();
        }
        model.addAttribute("own", actor.ownPatientId().isPresent() ? grants.listOwn(actor) : List.of());
        model.addAttribute("hasOwnRecord", actor.ownPatientId().isPresent());
        model.addAttribute("mayAdd", grants.mayGrantCaregiver(actor));
        List<ActingFor> others = actor.family().stream().filter(f -> !f.isSelf()).toList();
        Map<PatientId, String> names = patients.displayNames(actor.practiceId(),
                others.stream().map(ActingFor::patientId).toList());
        model.addAttribute("actsFor", others.stream()
                .map(f -> new ActsFor(names.getOrDefault(f.patientId(), ""), f.relationship().code())).toList());
        if (!model.containsAttribute("proxyForm")) {
            model.addAttribute("proxyForm", form(null, null, "caregiver"));
        }
        return "identity/family";
    }

    @PostMapping("/app/settings/family")
    String addCaregiver(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
            @RequestParam(required = false) String email, RedirectAttributes redirect) {
        try {
            grants.grantCaregiver(actor, name, email);
            return "redirect:/app/settings/family?added";
        } catch (InvalidRequestException | ConflictException | UnprocessableException | ForbiddenException e) {
            redirect.addFlashAttribute("proxyError", e.getMessage());
            redirect.addFlashAttribute("proxyForm", form(name, email, "caregiver"));
            return "redirect:/app/settings/family";
        }
    }

    @PostMapping("/app/settings/family/{grant}/revoke")
    String removeCaregiver(@AuthenticationPrincipal Actor actor, @PathVariable String grant,
            RedirectAttributes redirect) {
        try {
            grants.revokeOwn(actor, Ids.parse(grant));
            return "redirect:/app/settings/family?removed";
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("proxyError", e.getMessage());
            return "redirect:/app/settings/family";
        }
    }

    private static Map<String, String> form(String name, String email, String relationship) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name == null ? "" : name);
        form.put("email", email == null ? "" : email);
        form.put("relationship", relationship == null ? "parent" : relationship);
        return form;
    }
}
