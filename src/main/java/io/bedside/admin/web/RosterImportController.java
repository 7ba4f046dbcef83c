package io.bedside.admin.web;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.admin.RosterImport;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * {@code POST /api/v1/patients/import}: practice admins send their roster as {@code text/csv} or
 * as a FHIR R4 Bundle ({@code application/fhir+json}); 200 with the report. {@code onError=skip}
 * (the default) imports the good rows, {@code onError=abort} nothing if any row is bad.
 */
@RestController
class RosterImportController {

    record RejectedJson(int row, String externalId, String reason) {
    }

    record ReportJson(int rows, int accepted, int updated, int unchanged, List<RejectedJson> rejected, boolean applied) {
        static ReportJson of(RosterImport.Report r) {
            return new ReportJson(r.rows(), r.added(), r.updated(), r.unchanged(),
                    r.rejected().stream().map(x -> new RejectedJson(x.row(), x.externalId(), x.reason())).toList(),
                    r.applied());
        }
    }

    private final RosterImport roster;

    RosterImportController(RosterImport roster) {
        this.roster = roster;
    }

    @PostMapping(path = "/api/v1/patients/import", consumes = {"text/csv", "application/fhir+json", "application/json"})
    ReportJson importRoster(@AuthenticationPrincipal Actor actor, @RequestBody byte[] file,
            @RequestHeader("Content-Type") String contentType, @RequestParam(required = false) String onError) {
        RosterImport.Format format = contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")
                ? RosterImport.Format.CSV : RosterImport.Format.FHIR;
        return ReportJson.of(roster.run(actor, format, file, onError(onError)));
    }

    static RosterImport.OnError onError(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("skip")) {
            return RosterImport.OnError.SKIP;
        }
        if (text.equalsIgnoreCase("abort")) {
            return RosterImport.OnError.ABORT;
        }
        throw new InvalidRequestException("onError", "onError must be skip (import the good rows) or abort (import nothing).");
    }
}
