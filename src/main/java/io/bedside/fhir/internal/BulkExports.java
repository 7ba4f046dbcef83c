package io.bedside.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.ExportedConversation;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.scheduling.VisitRequest;
import io.bedside.scheduling.VisitRequestId;
import io.bedside.scheduling.VisitRequests;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * The practice-wide FHIR export, in the style of FHIR Bulk Data: a practice admin asks
 * ({@link #request}), a background run ({@link #runQueued}) reads every conversation of the practice
 * through messaging's audited export door, then every visit request through scheduling's, and writes NDJSON files (one resource a line), each stored
 * encrypted under the practice's data key; the admin polls the status ({@link #status}) and downloads
 * each file once ({@link #download}: the file is deleted as it is handed over). Files not fetched
 * are deleted 24 hours after the request ({@link #sweep}); {@link #cancel} deletes at once.
 * Only practice admins reach any of it (other staff 403, patients 404); another practice's job or
 * file is "not found".
 */
@Service
public class BulkExports {

    /** How long an export's files wait for download. */
    public static final Duration KEPT_FOR = Duration.ofHours(24);

    /** Conversations read per transaction. */
    static final int PAGE = 100;

    /** Most resources in one file. */
    static final int FILE_LINES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(BulkExports.class);

    private final ExportRows rows;
    private final SystemConversations conversations;
    private final VisitRequests visitRequests;
    private final VisitExports visits;
    private final PracticeEncryption encryption;
    private final AuditTrail audit;
    private final FhirJson json;
    private final TransactionTemplate tx;
    private final Clock clock;

    BulkExports(ExportRows rows, SystemConversations conversations, VisitRequests visitRequests, VisitExports visits,
            PracticeEncryption encryption, AuditTrail audit, FhirJson json, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.conversations = conversations;
        this.visitRequests = visitRequests;
        this.visits = visits;
        this.encryption = encryption;
        this.audit = audit;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the status address answers. */
    public sealed interface Status {
    }

    /** Still running: how far. */
    public record Running(String progress) implements Status {
    }

    /** Done: the files still waiting. */
    public record Done(Instant transactionTime, String request, List<Output> output) implements Status {
    }

    /** Failed; the message names no data. */
    public record Failed(String message) implements Status {
    }

    /** One file of a finished export. */
    public record Output(UUID fileId, String type, int count) {
    }

    /** One downloaded file. */
    public record File(String resourceType, String ndjson) {
    }

    /** Starts an export of the whole practice; returns the job's id. */
    public UUID request(Actor actor, String requestUrl, String appBase) {
        actor.requireAdmin();
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            rows.insert(new ExportRows.Job(id, actor.practiceId(), actor.userId(), requestUrl, appBase,
                    ExportRows.Status.QUEUED, Timestamps.now(clock), null, null, 0, null));
            audit.record(AuditRecord.allowed(actor, null, AuditAction.FHIR_EXPORT_REQUESTED, "fhir_export", id));
        });
        return id;
    }

    public Status status(Actor actor, UUID id) {
        actor.requireAdmin();
        return tx.execute(s -> {
            ExportRows.Job job = rows.find(actor.practiceId(), id).orElseThrow(NotFoundException::new);
            return switch (job.status()) {
                case QUEUED -> new Running("queued");
                case RUNNING -> new Running(job.doneCount() + " conversations");
                case FAILED -> new Failed(job.error() == null ? "The export failed." : job.error());
                case DONE -> new Done(job.transactionTime(), job.requestUrl(), rows.files(actor.practiceId(), id)
                        .stream().map(f -> new Output(f.id(), f.resourceType(), f.count())).toList());
            };
        });
    }

    /** Hands one file over and deletes it: each file can be downloaded once. Audited. */
    public File download(Actor actor, UUID fileId) {
        actor.requireAdmin();
        return tx.execute(s -> {
            ExportRows.Stored stored = rows.file(actor.practiceId(), fileId).orElseThrow(NotFoundException::new);
            byte[] plain = encryption.decrypt(actor.practiceId(), stored.ciphertext(),
                    context(stored.jobId(), stored.id()));
            rows.deleteFile(actor.practiceId(), fileId);
            audit.record(AuditRecord.allowed(actor, null, AuditAction.FHIR_EXPORT_DOWNLOADED, "fhir_export_file",
                    fileId));
            return new File(stored.resourceType(), new String(plain, StandardCharsets.UTF_8));
        });
    }

    /** Cancels a running export or deletes a finished one, with its files. */
    public void cancel(Actor actor, UUID id) {
        actor.requireAdmin();
        tx.executeWithoutResult(s -> {
            if (!rows.deleteJob(actor.practiceId(), id)) {
                throw new NotFoundException();
            }
            audit.record(AuditRecord.allowed(actor, null, AuditAction.FHIR_EXPORT_DELETED, "fhir_export", id));
        });
    }

    /** Runs the queued exports, one after another; a job another node took first is left to it. */
    public void runQueued() {
        for (UUID id : tx.execute(s -> rows.queued(10))) {
            Instant start = Timestamps.now(clock);
            if (Boolean.TRUE.equals(tx.execute(s -> rows.claim(id, start)))) {
                run(id);
            }
        }
    }

    /** Deletes exports asked for more than {@link #KEPT_FOR} ago, files and all; returns how many. */
    public int sweep() {
        int swept = tx.execute(s -> rows.deleteOlderThan(Timestamps.now(clock).minus(KEPT_FOR)));
        if (swept > 0) {
            log.info("Deleted {} FHIR exports older than {}", swept, KEPT_FOR);
        }
        return swept;
    }

    private void run(UUID id) {
        ExportRows.Job job = tx.execute(s -> rows.find(id)).orElse(null);
        if (job == null) {
            return;
        }
        PracticeId practice = job.practiceId();
        FhirResources mapper = new FhirResources(job.appBase() + "/api/v1/attachments/");
        Map<String, List<String>> pending = new LinkedHashMap<>();
        Set<String> written = new HashSet<>();
        Map<ConversationId, VisitExports.ConversationLink> links = new HashMap<>();
        ConversationId after = null;
        int done = 0;
        try {
            while (true) {
                ConversationId from = after;
                List<ExportedConversation> page = tx.execute(s -> conversations.exportPage(practice, from, PAGE,
                        null, AuditAction.FHIR_EXPORTED.code()));
                if (page.isEmpty()) {
                    break;
                }
                for (Resource r : mapper.of(page)) {
                    // Patients, teams and staff appear once however many conversations name them
                    // (only they are remembered: messages and requests come once by construction).
                    boolean shared = !r.fhirType().startsWith("Communication");
                    if (!shared || written.add(r.fhirType() + "/" + r.getIdElement().getIdPart())) {
                        pending.computeIfAbsent(r.fhirType(), k -> new ArrayList<>()).add(json.write(r, false));
                    }
                }
                // What visit requests need of their conversation (first message, team name), kept for the end.
                page.forEach(c -> links.put(c.id(), VisitExports.ConversationLink.of(c)));
                done += page.size();
                after = page.get(page.size() - 1).id();
                int progress = done;
                boolean going = Boolean.TRUE.equals(tx.execute(s -> {
                    if (!rows.progress(id, progress)) {
                        return false;
                    }
                    flush(job, pending, false);
                    return true;
                }));
                if (!going) {
                    return; // cancelled: the job and its files are gone
                }
            }
            // Then the practice's visit requests (ServiceRequest, Appointment), read through scheduling's
            // audited export door, 100 at a time.
            VisitRequestId afterVisit = null;
            while (true) {
                VisitRequestId from = afterVisit;
                List<VisitRequest> page = tx.execute(s -> visitRequests.exportPage(practice, from, PAGE,
                        AuditAction.FHIR_EXPORTED.code()));
                if (page.isEmpty()) {
                    break;
                }
                for (Resource r : tx.execute(s -> visits.of(practice, page, links, written))) {
                    pending.computeIfAbsent(r.fhirType(), k -> new ArrayList<>()).add(json.write(r, false));
                }
                afterVisit = page.get(page.size() - 1).id();
                int progress = done;
                boolean going = Boolean.TRUE.equals(tx.execute(s -> {
                    if (!rows.progress(id, progress)) {
                        return false;
                    }
                    flush(job, pending, false);
                    return true;
                }));
                if (!going) {
                    return;
                }
            }
            int total = done;
            boolean finished = Boolean.TRUE.equals(tx.execute(s -> {
                if (!rows.progress(id, total)) {
                    return false;
                }
                flush(job, pending, true);
                rows.finish(id, ExportRows.Status.DONE, null, Timestamps.now(clock));
                return true;
            }));
            if (finished) {
                log.info("FHIR export {} done", id);
            }
        } catch (RuntimeException e) {
            log.error("FHIR export {} failed", id, e);
            tx.executeWithoutResult(s -> rows.finish(id, ExportRows.Status.FAILED, "The export failed.",
                    Timestamps.now(clock)));
        }
    }

    /** Writes full files (all of them at the end), encrypted under the practice's key. */
    private void flush(ExportRows.Job job, Map<String, List<String>> pending, boolean all) {
        for (var entry : pending.entrySet()) {
            List<String> lines = entry.getValue();
            while (lines.size() >= FILE_LINES || (all && !lines.isEmpty())) {
                List<String> chunk = lines.subList(0, Math.min(FILE_LINES, lines.size()));
                String ndjson = String.join("\n", chunk) + "\n";
                UUID file = UUID.randomUUID();
                rows.insertFile(file, job.id(), job.practiceId(), entry.getKey(), chunk.size(),
                        encryption.encrypt(job.practiceId(), ndjson.getBytes(StandardCharsets.UTF_8),
                                context(job.id(), file)),
                        Timestamps.now(clock));
                chunk.clear();
            }
        }
    }

    private static AssociatedData context(UUID job, UUID file) {
        return AssociatedData.of("fhir-export", job, file);
    }
}
