package io.bedside.fhir;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.bedside.fhir.internal.BulkExports;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * FHIR out (issue 19): a realistic conversation — a refill request with a photo, an internal note,
 * an answer — read as a patient's FHIR Bundle and exported practice-wide as NDJSON, each checked by
 * HAPI FHIR's validator with no errors; the note never leaves; who may read which; the export's
 * files encrypted while they wait, deleted on download, swept after 24 hours; visit requests as
 * ServiceRequest and Appointment, in the bundle and in the export.
 */
@BothDatabases
@Import(MovableClock.Config.class)
class FhirExportIntegrationTests extends ApplicationTest {

    /** Lakeside's demo parent of Leo and Carol. */
    private static final String MARIA = "maria@patients.example";

    private static FhirContext fhir;
    private static FhirValidator validator;

    @Autowired
    MovableClock clock;

    @Autowired
    BulkExports exports;

    private String alice;
    private String refill;
    private String note;
    private String answer;
    private String photoName;

    @BeforeAll
    static void validator() {
        fhir = FhirContext.forR4Cached();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir));
        validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    @BeforeEach
    void aRealisticConversation() throws IOException {
        clock.set(Instant.now());
        alice = demo.me(ALICE).get("patientId").asString();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        note = "Internal: check the A1c before renewing " + tag;
        answer = "Your metformin refill is at the pharmacy " + tag;
        photoName = "label-" + tag + ".png";
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "kind", "refill", "body",
                "I am almost out of metformin " + tag, "details",
                Map.of("medication", "Metformin", "dose", "500 mg twice a day", "pharmacy", "Main Street Pharmacy")))
                .send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        refill = started.json().get("id").asString();
        PageSession page = PageSession.signedIn(api.base(), ALICE);
        page.get("/app/conversations/" + refill);
        PageSession.Page sent = page.postMultipart("/app/conversations/" + refill + "/messages",
                Map.of("body", "Here is the label of the box " + tag, "idempotencyKey", UUID.randomUUID().toString()),
                new PageSession.Upload("files", photoName, "image/png", png()));
        assertThat(sent.status()).as(sent.body()).isLessThan(400);
        assertThat(demo.note(KIM, refill, note).status()).isEqualTo(201);
        assertThat(demo.send(PATEL, refill, answer).status()).isEqualTo(201);
    }

    @AfterEach
    void clockBackToNow() {
        clock.set(Instant.now());
    }

    @Test
    void thePatientsBundleValidatesAndNeverHoldsTheInternalNote() {
        long reads = audited("fhir.read");
        Api.Response response = api.get("/api/v1/patients/" + alice + "/fhir").token(demo.token(KIM)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        assertNoErrors(response.body());
        assertThat(response.body()).doesNotContain(note).contains(answer);
        assertThat(audited("fhir.read")).isGreaterThan(reads);

        JsonNode bundle = response.json();
        assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asString()).isEqualTo("collection");
        Map<String, JsonNode> byId = new HashMap<>();
        List<JsonNode> communications = new ArrayList<>();
        for (JsonNode entry : bundle.get("entry")) {
            JsonNode r = entry.get("resource");
            byId.put(r.get("resourceType").asString() + "/" + r.get("id").asString(), r);
            if (r.get("resourceType").asString().equals("Communication")
                    && r.get("basedOn") != null && r.get("basedOn").toString().contains(refill)) {
                communications.add(r);
            }
        }
        // The refill: a CommunicationRequest with its fields, three messages (the note left out).
        JsonNode request = byId.get("CommunicationRequest/" + refill);
        assertThat(request).isNotNull();
        assertThat(request.get("status").asString()).isEqualTo("active");
        assertThat(request.get("payload").toString()).contains("Medication: Metformin", "Main Street Pharmacy");
        assertThat(communications).hasSize(3);
        JsonNode first = communications.get(0);
        assertThat(first.get("status").asString()).isEqualTo("completed");
        assertThat(first.get("subject").get("reference").asString()).isEqualTo("Patient/" + alice);
        assertThat(first.get("sender").get("reference").asString()).isEqualTo("Patient/" + alice);
        assertThat(first.get("recipient").get(0).get("reference").asString()).startsWith("CareTeam/");
        assertThat(first.get("category").get(0).get("coding").get(0).get("code").asString()).isEqualTo("refill");
        assertThat(first.get("basedOn").get(0).get("reference").asString())
                .isEqualTo("CommunicationRequest/" + refill);
        assertThat(first.has("sent")).isTrue();
        JsonNode second = communications.get(1);
        assertThat(second.get("inResponseTo").get(0).get("reference").asString())
                .isEqualTo("Communication/" + first.get("id").asString());
        JsonNode file = null;
        for (JsonNode payload : second.get("payload")) {
            if (payload.has("contentAttachment")) {
                file = payload.get("contentAttachment");
            }
        }
        assertThat(file).as("the photo is listed").isNotNull();
        assertThat(file.get("contentType").asString()).isEqualTo("image/png");
        assertThat(file.get("title").asString()).isEqualTo(photoName);
        assertThat(file.get("size").asInt()).isPositive();
        assertThat(file.get("url").asString()).contains("/api/v1/attachments/");
        assertThat(file.has("data")).as("never the bytes").isFalse();
        JsonNode third = communications.get(2);
        assertThat(third.get("sender").get("reference").asString()).startsWith("Practitioner/");
        assertThat(third.get("recipient").get(0).get("reference").asString()).isEqualTo("Patient/" + alice);
        assertThat(third.get("inResponseTo").get(0).get("reference").asString())
                .isEqualTo("Communication/" + second.get("id").asString());
        assertThat(byId).containsKey("Patient/" + alice);

        // The patient reads her own: the same, the note absent.
        Api.Response own = api.get("/api/v1/patients/" + alice + "/fhir").token(demo.token(ALICE)).send();
        assertThat(own.status()).isEqualTo(200);
        assertNoErrors(own.body());
        assertThat(own.body()).doesNotContain(note).contains(answer);
    }

    @Test
    void onlyThePracticesStaffAndThePatientReadTheBundle() {
        for (String reader : List.of(KIM, PATEL, RIVERSIDE_ADMIN, ALICE)) {
            assertThat(api.get("/api/v1/patients/" + alice + "/fhir").token(demo.token(reader)).send().status())
                    .as(reader).isEqualTo(200);
        }
        for (String intruder : List.of(BOB, CAROL, LEE, LAKESIDE_ADMIN)) {
            Api.Response refused = api.get("/api/v1/patients/" + alice + "/fhir").token(demo.token(intruder)).send();
            assertThat(refused.status()).as(intruder).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api.Response missing = api.get("/api/v1/patients/" + UUID.randomUUID() + "/fhir").token(demo.token(KIM))
                .send();
        assertThat(missing.status()).isEqualTo(404);
        Api.Response bad = api.get("/api/v1/patients/not-an-id/fhir").token(demo.token(KIM)).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    /**
     * A parent reads her child's record as FHIR, without the conversation the 16-year-old keeps
     * private; the child's physician sees it, and the child herself.
     */
    @Test
    void aProxyReadsTheRecordWithoutConfidentialConversations() {
        String carol = demo.me(CAROL).get("patientId").asString();
        String subject = "Private question " + UUID.randomUUID().toString().substring(0, 8);
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(CAROL)).json(Map.of(
                "careTeamId", demo.team(CAROL, "Pediatrics"), "kind", "question", "subject", subject, "body",
                "Something I want to ask on my own.")).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().get("confidential").asBoolean()).isTrue();

        Api.Response parents = api.get("/api/v1/patients/" + carol + "/fhir").token(demo.token(MARIA)).send();
        assertThat(parents.status()).as(parents.toString()).isEqualTo(200);
        assertNoErrors(parents.body());
        assertThat(parents.body()).doesNotContain(subject);
        for (String reader : List.of(CAROL, LEE)) {
            Api.Response full = api.get("/api/v1/patients/" + carol + "/fhir").token(demo.token(reader)).send();
            assertThat(full.status()).isEqualTo(200);
            assertThat(full.body()).as(reader).contains(subject);
        }
        assertThat(api.get("/api/v1/patients/" + alice + "/fhir").token(demo.token(MARIA)).send().status())
                .isEqualTo(404);
    }

    @Test
    void theBulkExportValidatesIsEncryptedWhileItWaitsAndIsDeletedOnDownload() {
        String booked = offeredVisit(refill);
        assertThat(action(ALICE, booked, "book", null).status()).isEqualTo(200);
        String offered = offeredVisit(demo.startAsPatient(ALICE, "Dr. Patel", "Knee " + UUID.randomUUID(),
                "My knee is swollen"));
        long exported = audited("fhir.exported");
        Api.Response kickOff = api.post("/api/v1/fhir/$export").token(demo.token(RIVERSIDE_ADMIN)).send();
        assertThat(kickOff.status()).as(kickOff.toString()).isEqualTo(202);
        String status = kickOff.header("Content-Location");
        assertThat(status).contains("/api/v1/fhir/$export-status/");
        String statusPath = status.substring(status.indexOf("/api/"));

        assertThat(api.get(statusPath).token(demo.token(KIM)).send().status()).isEqualTo(403);
        assertThat(api.get(statusPath).token(demo.token(ALICE)).send().status()).isEqualTo(404);
        assertThat(api.get(statusPath).token(demo.token(LAKESIDE_ADMIN)).send().status()).isEqualTo(404);

        JsonNode manifest = manifest(statusPath);
        assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.get("transactionTime").asString()).isNotBlank();
        assertThat(manifest.get("request").asString()).endsWith("/api/v1/fhir/$export");
        assertThat(manifest.get("error").size()).isZero();
        List<String> types = new ArrayList<>();
        manifest.get("output").forEach(o -> types.add(o.get("type").asString()));
        assertThat(types).contains("Patient", "Communication", "CommunicationRequest", "ServiceRequest",
                "Appointment");
        assertThat(audited("fhir.exported")).isGreaterThan(exported);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'fhir.exported' and target_type = 'visit_request'
                 and target_id in (:ids)""").param("ids", List.of(booked, offered)).query(Long.class).single())
                .as("each visit request read is audited").isEqualTo(2);

        // While they wait, the files hold ciphertext only.
        UUID job = UUID.fromString(statusPath.substring(statusPath.lastIndexOf('/') + 1));
        List<byte[]> stored = jdbc.sql("select content_ciphertext from fhir_export_file where job_id = :job")
                .param("job", job).query(byte[].class).list();
        assertThat(stored).isNotEmpty();
        for (byte[] bytes : stored) {
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(answer).doesNotContain("metformin").doesNotContain("Communication");
        }

        StringBuilder all = new StringBuilder();
        for (JsonNode output : manifest.get("output")) {
            String path = output.get("url").asString();
            path = path.substring(path.indexOf("/api/"));
            assertThat(api.get(path).token(demo.token(LAKESIDE_ADMIN)).send().status()).isEqualTo(404);
            assertThat(api.get(path).token(demo.token(KIM)).send().status()).isEqualTo(403);
            Api.Response file = api.get(path).token(demo.token(RIVERSIDE_ADMIN)).send();
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.contentType()).startsWith("application/fhir+ndjson");
            String[] lines = file.body().split("\n");
            assertThat(lines.length).isEqualTo(output.get("count").asInt());
            for (String line : lines) {
                assertThat(fhir.newJsonParser().parseResource(line).fhirType())
                        .isEqualTo(output.get("type").asString());
                assertNoErrors(line);
            }
            all.append(file.body());
            // Handed over once: then gone.
            assertThat(api.get(path).token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(404);
        }
        assertThat(all.toString()).contains(answer).doesNotContain(note);
        Map<String, JsonNode> visits = new HashMap<>();
        for (String line : all.toString().split("\n")) {
            JsonNode r = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
            String type = r.get("resourceType").asString();
            if (type.equals("ServiceRequest") || type.equals("Appointment")) {
                visits.put(type + "/" + r.get("id").asString(), r);
            }
        }
        assertThat(visits.get("ServiceRequest/" + booked).get("status").asString()).isEqualTo("completed");
        assertThat(visits.get("Appointment/" + booked).get("status").asString()).isEqualTo("booked");
        assertThat(visits.get("ServiceRequest/" + offered).get("status").asString()).isEqualTo("active");
        assertThat(visits.get("Appointment/" + offered).get("status").asString()).isEqualTo("proposed");
        assertThat(visits.get("Appointment/" + offered).get("basedOn").get(0).get("reference").asString())
                .isEqualTo("ServiceRequest/" + offered);
        assertThat(jdbc.sql("select count(*) from fhir_export_file where job_id = :job").param("job", job)
                .query(Long.class).single()).isZero();
        assertThat(audited("fhir.export_downloaded")).isGreaterThanOrEqualTo(types.size());
    }

    @Test
    void onlyPracticeAdminsExportAndExportsAreSweptAfterADayOrDeletedOnRequest() {
        assertThat(api.post("/api/v1/fhir/$export").token(demo.token(KIM)).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/fhir/$export").token(demo.token(PATEL)).send().status()).isEqualTo(403);
        Api.Response patient = api.post("/api/v1/fhir/$export").token(demo.token(ALICE)).send();
        assertThat(patient.status()).as(patient.toString()).isEqualTo(404);

        String waiting = kickOff();
        manifest(waiting);
        UUID job = UUID.fromString(waiting.substring(waiting.lastIndexOf('/') + 1));
        assertThat(files(job)).isPositive();
        clock.advance(Duration.ofHours(23));
        exports.sweep();
        assertThat(files(job)).as("kept for a day").isPositive();
        clock.advance(Duration.ofHours(2));
        exports.sweep();
        assertThat(files(job)).isZero();
        // Back to now, so that the admin's token is still good: the job itself is gone.
        clock.set(Instant.now());
        assertThat(api.get(waiting).token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(404);

        String cancelled = kickOff();
        assertThat(api.delete(cancelled).token(demo.token(LAKESIDE_ADMIN)).send().status()).isEqualTo(404);
        assertThat(api.delete(cancelled).token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(202);
        assertThat(api.get(cancelled).token(demo.token(RIVERSIDE_ADMIN)).send().status()).isEqualTo(404);
        UUID gone = UUID.fromString(cancelled.substring(cancelled.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from fhir_export_job where id = :id").param("id", gone)
                .query(Long.class).single()).isZero();
    }

    /**
     * Needs a visit: a nurse asks for a visit from the refill conversation, the patient gives
     * preferred times, the front desk offers a time (an Appointment proposed), the patient accepts it
     * (booked). Each step's bundle validates, for staff and for the patient.
     */
    @Test
    void aVisitRequestIsAServiceRequestAndItsOfferedOrBookedTimeAnAppointment() {
        long listed = audited("visit_requests.listed");
        String id = offeredVisit(refill);
        JsonNode offered = bundle(KIM);
        assertThat(audited("visit_requests.listed")).isGreaterThan(listed);
        JsonNode request = resource(offered, "ServiceRequest/" + id);
        assertThat(request.get("status").asString()).isEqualTo("active");
        assertThat(request.get("intent").asString()).isEqualTo("order");
        assertThat(request.get("priority").asString()).as("soon").isEqualTo("urgent");
        assertThat(request.get("subject").get("reference").asString()).isEqualTo("Patient/" + alice);
        assertThat(request.get("reasonCode").get(0).get("text").asString()).isEqualTo(VISIT_REASON);
        assertThat(request.get("code").get("coding").get(0).get("code").asString()).isEqualTo("video");
        assertThat(request.has("authoredOn")).isTrue();
        assertThat(request.get("supportingInfo").get(0).get("reference").asString())
                .as("the conversation it came from").isEqualTo("CommunicationRequest/" + refill);
        String requester = request.get("requester").get("reference").asString();
        assertThat(requester).startsWith("Practitioner/");
        assertThat(resource(offered, requester).get("name").get(0).get("text").asString())
                .as("the nurse, who wrote only a note, is named").isNotBlank();
        assertThat(request.get("performer").get(0).get("reference").asString()).startsWith("CareTeam/");

        JsonNode appointment = resource(offered, "Appointment/" + id);
        assertThat(appointment.get("status").asString()).isEqualTo("proposed");
        assertThat(appointment.get("basedOn").get(0).get("reference").asString()).isEqualTo("ServiceRequest/" + id);
        Instant start = Instant.parse(appointment.get("start").asString());
        assertThat(Instant.parse(appointment.get("end").asString())).isEqualTo(start.plus(Duration.ofMinutes(30)));
        JsonNode patient = appointment.get("participant").get(0);
        assertThat(patient.get("actor").get("reference").asString()).isEqualTo("Patient/" + alice);
        assertThat(patient.get("status").asString()).isEqualTo("needs-action");
        assertThat(appointment.get("participant").get(1).get("status").asString()).isEqualTo("accepted");
        JsonNode periods = appointment.get("requestedPeriod");
        assertThat(periods).hasSize(2);
        // Tomorrow morning and afternoon on the practice's clock (Riverside's: America/New_York).
        ZoneId zone = RIVERSIDE_ZONE;
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        assertThat(OffsetDateTime.parse(periods.get(0).get("start").asString()).toInstant())
                .isEqualTo(tomorrow.atTime(8, 0).atZone(zone).toInstant());
        Instant morning = tomorrow.atTime(8, 0).atZone(zone).toInstant();
        assertThat(OffsetDateTime.parse(periods.get(0).get("start").asString()).getOffset())
                .as("written on the practice's clock").isEqualTo(zone.getRules().getOffset(morning));
        assertThat(OffsetDateTime.parse(periods.get(0).get("end").asString()).toInstant())
                .isEqualTo(tomorrow.atTime(12, 0).atZone(zone).toInstant());
        assertThat(OffsetDateTime.parse(periods.get(1).get("end").asString()).toInstant())
                .isEqualTo(tomorrow.atTime(17, 0).atZone(zone).toInstant());

        // The patient accepts: booked.
        assertThat(action(ALICE, id, "book", null).status()).isEqualTo(200);
        for (String reader : List.of(KIM, ALICE)) {
            JsonNode booked = bundle(reader);
            assertThat(resource(booked, "ServiceRequest/" + id).get("status").asString()).as(reader)
                    .isEqualTo("completed");
            JsonNode visit = resource(booked, "Appointment/" + id);
            assertThat(visit.get("status").asString()).as(reader).isEqualTo("booked");
            assertThat(visit.get("participant").get(0).get("status").asString()).isEqualTo("accepted");
            assertThat(Instant.parse(visit.get("start").asString())).isEqualTo(start);
        }
    }

    /** Routine and today map to routine and asap; a request without a time has no Appointment; a declined offer is cancelled. */
    @Test
    void aDeclinedOfferIsACancelledAppointmentAndARequestWithoutATimeHasNone() {
        String knee = demo.startAsPatient(ALICE, "Dr. Patel", "Knee " + UUID.randomUUID(), "My knee is swollen");
        String waiting = create(knee, "routine", "in_person");
        String cough = demo.startAsPatient(ALICE, "Dr. Patel", "Cough " + UUID.randomUUID(), "Coughing for days");
        String declined = create(cough, "today", "phone");
        assertThat(action(RIVERSIDE_ADMIN, declined, "offer", Map.of("startsAt", inDays(2))).status()).isEqualTo(200);
        assertThat(action(ALICE, declined, "decline", null).status()).isEqualTo(200);

        JsonNode bundle = bundle(ALICE);
        JsonNode open = resource(bundle, "ServiceRequest/" + waiting);
        assertThat(open.get("status").asString()).isEqualTo("active");
        assertThat(open.get("priority").asString()).isEqualTo("routine");
        assertThat(open.get("supportingInfo").get(0).get("reference").asString()).startsWith("Communication/");
        assertThat(find(bundle, "Appointment/" + waiting)).as("no time yet").isNull();
        JsonNode revoked = resource(bundle, "ServiceRequest/" + declined);
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.get("priority").asString()).isEqualTo("asap");
        JsonNode cancelled = resource(bundle, "Appointment/" + declined);
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("participant").get(0).get("status").asString()).isEqualTo("declined");
    }

    /** A parent's bundle leaves out the visit request of the conversation her daughter keeps private. */
    @Test
    void aProxyDoesNotSeeTheVisitRequestOfAConfidentialConversation() {
        String carol = demo.me(CAROL).get("patientId").asString();
        Api.Response started = api.post("/api/v1/conversations").token(demo.token(CAROL)).json(Map.of(
                "careTeamId", demo.team(CAROL, "Pediatrics"), "kind", "question", "subject",
                "Private " + UUID.randomUUID().toString().substring(0, 8), "body", "Can I come in on my own?"))
                .send();
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String conversation = started.json().get("id").asString();
        Api.Response made = api.post("/api/v1/conversations/" + conversation + "/visit-request").token(demo.token(LEE))
                .json(Map.of("reason", VISIT_REASON, "urgency", "soon", "visitType", "in_person")).send();
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String id = made.json().get("id").asString();

        Api.Response parents = api.get("/api/v1/patients/" + carol + "/fhir").token(demo.token(MARIA)).send();
        assertThat(parents.status()).isEqualTo(200);
        assertNoErrors(parents.body());
        assertThat(parents.body()).doesNotContain(id).doesNotContain(VISIT_REASON);
        for (String reader : List.of(CAROL, LEE)) {
            Api.Response full = api.get("/api/v1/patients/" + carol + "/fhir").token(demo.token(reader)).send();
            assertThat(full.status()).isEqualTo(200);
            assertNoErrors(full.body());
            assertThat(full.body()).as(reader).contains("ServiceRequest/" + id);
        }
    }

    private static final String VISIT_REASON = "Look at the rash on the hand";

    private static final ZoneId RIVERSIDE_ZONE = ZoneId.of("America/New_York");

    /** A visit request made by the nurse, with the patient's preferred times and a time offered; its id. */
    private String offeredVisit(String conversation) {
        String id = create(conversation, "soon", "video");
        String tomorrow = LocalDate.now(RIVERSIDE_ZONE).plusDays(1).toString();
        Api.Response given = action(ALICE, id, "preferences", Map.of("preferredTimes",
                List.of(Map.of("date", tomorrow, "part", "morning"), Map.of("date", tomorrow, "part", "afternoon")),
                "note", "Not before 9, please"));
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(action(RIVERSIDE_ADMIN, id, "offer", Map.of("startsAt", inDays(2))).status()).isEqualTo(200);
        return id;
    }

    private String create(String conversation, String urgency, String type) {
        Api.Response created = api.post("/api/v1/conversations/" + conversation + "/visit-request")
                .token(demo.token(KIM)).json(Map.of("reason", VISIT_REASON, "urgency", urgency, "visitType", type))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Api.Response action(String user, String id, String what, Object body) {
        Api.Call call = api.post("/api/v1/visit-requests/" + id + "/" + what).token(demo.token(user));
        return (body == null ? call : call.json(body)).send();
    }

    private String inDays(int days) {
        return clock.instant().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    }

    /** Alice's bundle as the reader gets it, checked by the validator. */
    private JsonNode bundle(String reader) {
        Api.Response response = api.get("/api/v1/patients/" + alice + "/fhir").token(demo.token(reader)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertNoErrors(response.body());
        return response.json();
    }

    private static JsonNode find(JsonNode bundle, String key) {
        for (JsonNode entry : bundle.get("entry")) {
            JsonNode r = entry.get("resource");
            if ((r.get("resourceType").asString() + "/" + r.get("id").asString()).equals(key)) {
                return r;
            }
        }
        return null;
    }

    private static JsonNode resource(JsonNode bundle, String key) {
        JsonNode found = find(bundle, key);
        assertThat(found).as(key).isNotNull();
        return found;
    }

    private String kickOff() {
        Api.Response kickOff = api.post("/api/v1/fhir/$export").token(demo.token(RIVERSIDE_ADMIN)).send();
        assertThat(kickOff.status()).as(kickOff.toString()).isEqualTo(202);
        String status = kickOff.header("Content-Location");
        return status.substring(status.indexOf("/api/"));
    }

    /** Polls the status address until the export is done. */
    private JsonNode manifest(String statusPath) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Api.Response polled = api.get(statusPath).token(demo.token(RIVERSIDE_ADMIN)).send();
            if (polled.status() == 200) {
                return polled.json();
            }
            assertThat(polled.status()).as(polled.toString()).isEqualTo(202);
            assertThat(polled.header("X-Progress")).isNotBlank();
            assertThat(System.nanoTime()).as("export still running").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long files(UUID job) {
        return jdbc.sql("select count(*) from fhir_export_file where job_id = :job").param("job", job)
                .query(Long.class).single();
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit_event where action = :action").param("action", action)
                .query(Long.class).single();
    }

    private static void assertNoErrors(String resource) {
        List<SingleValidationMessage> errors = validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertThat(errors).as(() -> errors.stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList().toString()).isEmpty();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(80, 120, 200));
        g.fillRect(0, 0, 120, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
