package io.bedside.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.admin.internal.RosterFiles;
import io.bedside.admin.internal.RosterRowChecks;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.patient.Patients;
import io.bedside.patient.RosterEntry;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;

/**
 * A practice's patients, in from its records system: a CSV file or a FHIR R4 Bundle, checked row
 * by row. The caller chooses what a file with bad rows does: import the good rows and report the
 * rest ({@link OnError#SKIP}), or import nothing ({@link OnError#ABORT}). The external id (MRN) is
 * the key, so the same file twice changes nothing. A file that is not UTF-8, not well-formed, too
 * long or holds spreadsheet formulas is refused whole (400), before anything is written.
 */
@Service
public class RosterImport {

    public enum Format { CSV, FHIR }

    public enum OnError { SKIP, ABORT }

    /** One refused row: its number in the file, its external id if it had one, and why. */
    public record Rejected(int row, String externalId, String reason) {
        @Override
        public String toString() {
            return "Rejected[" + row + "]";
        }
    }

    /**
     * What the import did. {@code applied} is false when {@code ABORT} met a bad row: then nothing
     * was written and {@code added}, {@code updated} and {@code unchanged} say what would have been.
     */
    public record Report(int rows, int added, int updated, int unchanged, List<Rejected> rejected, boolean applied) {
        public Report {
            rejected = List.copyOf(rejected);
        }
    }

    private final Patients patients;
    private final Practices practices;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RosterImport(Patients patients, Practices practices, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.patients = patients;
        this.practices = practices;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Report run(Actor actor, Format format, byte[] file, OnError onError) {
        actor.requireStaff();
        if (!actor.isPracticeAdmin()) {
            // Not actor.requireAdmin(): this page has its own words for the refusal.
            throw new ForbiddenException("Only practice admins import patients.");
        }
        List<RosterFiles.Row> rows = format == Format.CSV ? RosterFiles.csv(file) : RosterFiles.fhir(file);
        LocalDate today = LocalDate.now(clock.withZone(practices.find(actor.practiceId()).map(Practice::timeZone)
                .orElse(ZoneOffset.UTC)));

        List<RosterEntry> good = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        for (RosterFiles.Row row : rows) {
            Object checked = RosterRowChecks.check(row.fields(), today);
            String externalId = row.fields().externalId() == null ? "" : row.fields().externalId().strip();
            if (checked instanceof RosterRowChecks.Refusal refusal) {
                rejected.add(new Rejected(row.number(), externalId, externalId.isEmpty() && row.fields().givenName().isEmpty()
                        && format == Format.FHIR ? "not a Patient resource, or an empty one" : refusal.reason()));
                continue;
            }
            RosterEntry entry = (RosterEntry) checked;
            Integer firstId = ids.putIfAbsent(entry.externalId(), row.number());
            if (firstId != null) {
                rejected.add(new Rejected(row.number(), externalId, "duplicate external id in the file (also row " + firstId + ")"));
                continue;
            }
            if (entry.email() != null) {
                Integer firstEmail = emails.putIfAbsent(entry.email(), row.number());
                if (firstEmail != null) {
                    rejected.add(new Rejected(row.number(), externalId,
                            "duplicate email in the file (also row " + firstEmail + ")"));
                    continue;
                }
            }
            good.add(entry);
        }

        boolean apply = rejected.isEmpty() || onError == OnError.SKIP;
        List<Patients.RosterOutcome> outcomes = transaction.execute(tx -> {
            List<Patients.RosterOutcome> done = new ArrayList<>();
            // A large file is compared with the whole roster read once; a small one looks up its own ids.
            Map<String, RosterEntry> existing = good.size() > 2000 ? patients.roster(actor.practiceId()) : null;
            for (int from = 0; from < good.size(); from += 1000) {
                List<RosterEntry> chunk = good.subList(from, Math.min(good.size(), from + 1000));
                done.addAll(existing == null ? patients.upsertRoster(actor.practiceId(), chunk)
                        : patients.upsertRoster(actor.practiceId(), chunk, existing));
            }
            if (apply) {
                audit.record(AuditRecord.allowed(actor, null, "patients.imported", "practice", actor.practiceId()));
            } else {
                tx.setRollbackOnly();
            }
            return done;
        });
        int added = (int) outcomes.stream().filter(o -> o == Patients.RosterOutcome.ADDED).count();
        int updated = (int) outcomes.stream().filter(o -> o == Patients.RosterOutcome.UPDATED).count();
        int unchanged = (int) outcomes.stream().filter(o -> o == Patients.RosterOutcome.UNCHANGED).count();
        return new Report(rows.size(), added, updated, unchanged, rejected, apply);
    }
}
