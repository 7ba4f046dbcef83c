package io.bedside;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.crypto.KeyManagement;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.AttachmentDownloads;
import io.bedside.messaging.internal.ConversationReads;
import io.bedside.messaging.internal.MessageSends;
import io.bedside.messaging.internal.NewAttachment;
import io.bedside.shared.Actor;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/**
 * Finding 3 of issue 15: what a patient's file names, roster tags and last visit say about their
 * health is nowhere in clear in the database, while the people allowed still see file names and
 * campaigns still select by tag and last visit, also after a key rotation.
 */
@BothDatabases
class PhiAtRestIntegrationTests extends ApplicationTest {

    // A day no demo row, birth date or timestamp of a test run can hold.
    private static final LocalDate MARKED_VISIT = LocalDate.of(2003, 7, 19);

    @Autowired
    AttachmentDownloads downloads;

    @Autowired
    ConversationReads reads;

    @Autowired
    MessageSends sends;

    @Autowired
    KeyManagement keys;

    private String marker;

    @BeforeEach
    void freshMarker() {
        // Roster tags are letters, digits and dashes, lower case.
        marker = "phimarker" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void fileNamesTagsAndLastVisitsAreNowhereInClearInTheDatabase() {
        String fileName = marker + "-hiv-test-result.pdf";
        String conversation = sendWithFile(fileName);
        importTaggedPatient(MARKED_VISIT);

        // Those allowed still see the name, and campaigns still select by the tag and the visit.
        assertThat(shownFileNames(conversation)).containsExactly(fileName);
        assertThat(cohortCount(Map.of("tags", List.of(marker)))).isEqualTo(1);
        assertThat(cohortCount(Map.of("tags", List.of(marker), "lastVisitBefore", "2003-07-20"))).isEqualTo(1);
        assertThat(cohortCount(Map.of("tags", List.of(marker), "lastVisitAfter", "2003-07-19"))).isZero();

        assertThat(clearValuesInTheDatabase(marker)).as("rows holding the marker in clear").isEmpty();
        assertThat(clearValuesInTheDatabase(MARKED_VISIT.toString())).as("rows holding the last visit in clear").isEmpty();
    }

    @Test
    void searchedWordsAreNowhereInClearInTheDatabaseTheIndexHoldsOnlyKeyedHashes() {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Subject " + marker,
                "Médico, my " + marker + " rashes");
        String withFile = sendWithFile(marker + "-scan.pdf");

        // The index found it by the word, its prefix and the file name's word...
        for (String q : List.of(marker, marker.substring(0, 8), "medico rash " + marker)) {
            var found = api.get("/api/v1/search?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8))
                    .token(demo.token(io.bedside.support.Demo.PATEL)).send();
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.body()).as(q).contains(conversation);
        }
        var byFileName = api.get("/api/v1/search?q=scan%20" + marker).token(demo.token(io.bedside.support.Demo.PATEL))
                .send();
        assertThat(byFileName.body()).as("a file's name").contains(withFile).doesNotContain(conversation);
        // ...holds rows for the message, and no word of it anywhere in clear: only 64-bit hashes.
        assertThat(jdbc.sql("select count(*) from message_search_token where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(Long.class).single()).isPositive();
        assertThat(clearValuesInTheDatabase(marker)).as("rows holding the marker in clear").isEmpty();
        assertThat(clearValuesInTheDatabase(marker.substring(0, 8))).as("rows holding its prefix in clear").isEmpty();
    }

    @Test
    void fileNamesAndCohortsKeepWorkingAfterTheKeyIsRotatedAndEverythingReencrypted() {
        String fileName = marker + "-biopsy.pdf";
        String conversation = sendWithFile(fileName);
        importTaggedPatient(MARKED_VISIT);
        Actor admin = demo.actor(RIVERSIDE_ADMIN);

        keys.rotate(admin.practiceId());
        Map<String, Long> rewritten = keys.reencrypt(admin.practiceId(), 2);

        assertThat(rewritten.get("attachment.filename_ciphertext")).isPositive();
        assertThat(rewritten.get("patient.roster_ciphertext")).isPositive();
        assertThat(shownFileNames(conversation)).containsExactly(fileName);
        assertThat(cohortCount(Map.of("tags", List.of(marker), "lastVisitBefore", "2003-07-20"))).isEqualTo(1);
        // Written after the rotation: under the new key, and found the same way.
        importTaggedPatient(null);
        assertThat(cohortCount(Map.of("tags", List.of(marker)))).isEqualTo(2);
    }

    /** Issue 19: a file sent through the API, its name and its bytes, is as hidden at rest as one sent by a page. */
    @Test
    void aFileSentThroughTheApiHasItsNameAndContentNowhereInClear() {
        String fileName = marker + "-hiv-test-result.pdf";
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Results", "My results are attached");
        byte[] content = ("%PDF-1.4\n% " + marker + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        var sent = api.post("/api/v1/conversations/" + conversation + "/attachments").token(demo.token(ALICE))
                .multipart(Map.of(), List.of(new io.bedside.support.Api.FilePart("file", fileName, "application/pdf",
                        content))).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);

        assertThat(shownFileNames(conversation)).containsExactly(fileName);
        assertThat(clearValuesInTheDatabase(marker)).as("rows holding the marker in clear").isEmpty();
    }

    private String sendWithFile(String fileName) {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Results", "My results are attached");
        sends.send(demo.actor(ALICE), ConversationId.of(UUID.fromString(conversation)), "Here they are", false,
                null, List.of(new NewAttachment(fileName, pdf())));
        return conversation;
    }

    /** The file names as Alice's care team sees them on the conversation, and as a download calls them. */
    private List<String> shownFileNames(String conversation) {
        Actor patel = demo.actor(io.bedside.support.Demo.PATEL);
        ConversationId id = ConversationId.of(UUID.fromString(conversation));
        List<String> names = new ArrayList<>();
        reads.messages(patel, id, 0, 50).forEach(m -> m.attachments().forEach(a -> {
            names.add(a.filename());
            assertThat(downloads.attachment(patel, a.id(), false).filename()).isEqualTo(a.filename());
        }));
        return names;
    }

    private void importTaggedPatient(LocalDate lastVisit) {
        String externalId = "PHI-" + UUID.randomUUID();
        String csv = "external_id,given_name,family_name,birth_date,sex,email,phone,language,tags,last_visit\n"
                + externalId + ",Dana,Tester,1971-04-02,female,,,en,hypertension;" + marker + ","
                + (lastVisit == null ? "" : lastVisit) + "\n";
        var response = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN)).raw("text/csv", csv).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(1);
    }

    private int cohortCount(Map<String, Object> cohort) {
        var response = api.post("/api/v1/campaigns/preview").token(demo.token(RIVERSIDE_ADMIN))
                .json(Map.of("cohort", cohort)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("count").asInt();
    }

    /**
     * Every value of every table that shows the text in clear ({@code table.column}): text, dates
     * and numbers as the database gives them, bytes read as Latin-1 (one character per byte).
     */
    private List<String> clearValuesInTheDatabase(String text) {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        assertThat(tables).contains("attachment", "patient");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("select * from " + table).query(rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    String shown = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    if (shown.contains(text)) {
                        found.add(table + "." + rs.getMetaData().getColumnName(i));
                    }
                }
            });
        }
        return found;
    }

    /** The smallest file Apache Tika calls a PDF. */
    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }
}
