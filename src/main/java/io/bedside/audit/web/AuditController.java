package io.bedside.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.audit.AuditReports;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PageLimits;
import io.bedside.shared.PatientId;

/**
 * {@code GET /api/v1/audit?patientId=&from=&to=&cursor=&limit=}: practice admins read their
 * practice's trail; a patient reads who accessed their own record.
 */
@RestController
class AuditController {

    private final AuditReports reports;

    AuditController(AuditReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/audit")
    AuditReports.Page audit(@AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        PatientId patient = patientId == null || patientId.isBlank() ? null : PatientId.parse(patientId);
        return reports.find(actor, patient, instant("from", from, false), instant("to", to, true), cursor,
                PageLimits.check(limit, 50, 200));
    }

    /** An ISO instant, or a date: {@code from} its start, {@code to} its end (the whole day included). */
    private static Instant instant(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(name, name + " must be a date (2026-11-25) or an instant (2026-11-25T21:30:00Z).");
            }
        }
    }
}
