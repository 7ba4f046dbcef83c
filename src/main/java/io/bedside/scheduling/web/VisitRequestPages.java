package io.bedside.scheduling.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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

import io.bedside.messaging.ConversationId;
import io.bedside.patient.Patients;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.scheduling.PreferredTime;
import io.bedside.scheduling.VisitRequest;
import io.bedside.scheduling.VisitRequestId;
import io.bedside.scheduling.VisitStatus;
import io.bedside.scheduling.VisitType;
import io.bedside.scheduling.VisitUrgency;
import io.bedside.scheduling.internal.VisitRequestService;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.web.WebPage;

/**
 * Needs a visit on pages: the staff form that turns a conversation into a visit request, the front
 * desk's queue (filtered by status), and one request's page, where the patient side gives preferred
 * times or answers an offer and staff offer, book or close. Plain forms, redirect after post.
 */
@Controller
@WebPage
class VisitRequestPages {

    private final VisitRequestService requests;
    private final Patients patients;
    private final Practices practices;

    VisitRequestPages(VisitRequestService requests, Patients patients, Practices practices) {
        this.requests = requests;
        this.patients = patients;
        this.practices = practices;
    }

    @GetMapping("/app/conversations/{id}/visit-request")
    String newForm(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id, Model model) {
        requests.requireRequestable(actor, id);
        return newPage(model, id, "", "routine", "in_person", Map.of());
    }

    @PostMapping("/app/conversations/{id}/visit-request")
    String create(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String urgency,
            @RequestParam(required = false) String visitType, Model model, HttpServletResponse response) {
        requests.requireRequestable(actor, id);
        try {
            requests.create(actor, id, reason, urgency, visitType);
            return "redirect:/app/conversations/" + id;
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return newPage(model, id, reason, urgency, visitType, Map.of(e.field(), e.getMessage()));
        } catch (ConflictException e) {
            response.setStatus(409);
            return newPage(model, id, reason, urgency, visitType, Map.of("conflict", e.getMessage()));
        }
    }

    private String newPage(Model model, ConversationId id, String reason, String urgency, String visitType,
            Map<String, String> errors) {
        model.addAttribute("conversationId", id.toString());
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("urgency", urgency);
        model.addAttribute("visitType", visitType);
        model.addAttribute("urgencies", VisitUrgency.values());
        model.addAttribute("types", VisitType.values());
        model.addAttribute("errors", errors);
        return "scheduling/new";
    }

    /** The front desk's queue: every visit request of the practice, oldest first, by status. */
    @GetMapping("/app/visit-requests")
    String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status, Model model) {
        actor.requireStaff();
        VisitStatus wanted = status == null || status.isBlank() ? null : VisitStatus.fromCode("status", status);
        List<VisitRequest> found = requests.list(actor, wanted);
        Map<PatientId, String> names = patients.displayNames(actor.practiceId(),
                found.stream().map(VisitRequest::patientId).distinct().toList());
        Map<String, String> byId = new HashMap<>();
        names.forEach((k, v) -> byId.put(k.value().toString(), v));
        model.addAttribute("requests", found);
        model.addAttribute("names", byId);
        model.addAttribute("status", wanted == null ? "" : wanted.code());
        model.addAttribute("statuses", VisitStatus.values());
        return "scheduling/queue";
    }

    @GetMapping("/app/visit-requests/{id}")
    String request(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id, Model model) {
        return page(actor, requests.get(actor, id), model, Map.of());
    }

    @PostMapping("/app/visit-requests/{id}/preferences")
    String preferences(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            List<PreferredTime> times = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String date = form.getOrDefault("date" + i, "").strip();
                String part = form.getOrDefault("part" + i, "").strip();
                if (date.isEmpty()) {
                    continue;
                }
                try {
                    times.add(new PreferredTime(LocalDate.parse(date), PreferredTime.Part.fromCode(part)));
                } catch (DateTimeParseException e) {
                    throw new InvalidRequestException("preferredTimes", "Choose each day from the calendar.");
                }
            }
            VisitRequest after = requests.preferences(actor, id, times, form.get("note"));
            return "redirect:/app/conversations/" + after.conversationId();
        } catch (InvalidRequestException | ConflictException e) {
            return failed(actor, id, model, response, e);
        }
    }

    @PostMapping("/app/visit-requests/{id}/offer")
    String offer(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id,
            @RequestParam(required = false) String startsAt, Model model, HttpServletResponse response) {
        try {
            requests.offer(actor, id, local(actor, startsAt, true));
            return "redirect:/app/visit-requests/" + id;
        } catch (InvalidRequestException | ConflictException e) {
            return failed(actor, id, model, response, e);
        }
    }

    @PostMapping("/app/visit-requests/{id}/book")
    String book(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id,
            @RequestParam(required = false) String startsAt, Model model, HttpServletResponse response) {
        try {
            VisitRequest after = requests.book(actor, id, local(actor, startsAt, false));
            return actor.isStaff() ? "redirect:/app/visit-requests/" + id : "redirect:/app/conversations/" + after.conversationId();
        } catch (InvalidRequestException | ConflictException e) {
            return failed(actor, id, model, response, e);
        }
    }

    @PostMapping("/app/visit-requests/{id}/decline")
    String decline(@AuthenticationPrincipal Actor actor, @PathVariable VisitRequestId id, Model model,
            HttpServletResponse response) {
        try {
            VisitRequest after = requests.decline(actor, id);
            return actor.isStaff() ? "redirect:/app/visit-requests/" + id : "redirect:/app/conversations/" + after.conversationId();
        } catch (InvalidRequestException | ConflictException e) {
            return failed(actor, id, model, response, e);
        }
    }

    private String failed(Actor actor, VisitRequestId id, Model model, HttpServletResponse response, RuntimeException e) {
        response.setStatus(e instanceof ConflictException ? 409 : 400);
        String field = e instanceof InvalidRequestException invalid ? invalid.field() : "conflict";
        return page(actor, requests.get(actor, id), model, Map.of(field, e.getMessage()));
    }

    private String page(Actor actor, VisitRequest request, Model model, Map<String, String> errors) {
        model.addAttribute("request", request);
        model.addAttribute("patientName", patients.displayName(actor.practiceId(), request.patientId()).orElse(""));
        model.addAttribute("parts", PreferredTime.Part.values());
        model.addAttribute("today", LocalDate.now(zone(actor)).toString());
        model.addAttribute("errors", errors);
        return "scheduling/request";
    }

    /** A date and time from the form's datetime-local field, in the practice's time zone. */
    private Instant local(Actor actor, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidRequestException("startsAt", "Choose the date and time of the visit.");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone(actor)).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("startsAt", "Choose the date and time of the visit.");
        }
    }

    private ZoneId zone(Actor actor) {
        return practices.find(actor.practiceId()).map(Practice::timeZone).orElseThrow(NotFoundException::new);
    }
}
