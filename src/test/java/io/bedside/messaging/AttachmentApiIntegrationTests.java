package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/conversations/{id}/attachments} sends one message with photos or PDFs
 * through the same path as a message; the type is found from the bytes (415), a file over 10 MB
 * is 413, no file or an empty one 400; nothing is stored on any refusal. Every message of the API
 * lists its files, and {@code GET /api/v1/attachments/{id}} downloads one for those who may see it.
 */
@BothDatabases
class AttachmentApiIntegrationTests extends ApplicationTest {

    private String conversation;

    @BeforeEach
    void alicesConversation() {
        conversation = demo.startAsPatient(ALICE, "Dr. Patel", "A rash", "It started on Monday.");
    }

    @Test
    void aPatientSendsAPhotoAndAPdfInOneMessageAndHerCareTeamListsAndDownloadsThem() throws IOException {
        byte[] photo = png();
        Api.Response sent = attach(ALICE, Map.of("body", "Photos of it"), null,
                new Api.FilePart("file", "rash.png", "image/png", photo),
                new Api.FilePart("files", "letter.pdf", "application/pdf", pdf()));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.header("Idempotent-Replayed")).isEqualTo("false");
        JsonNode message = sent.json();
        assertThat(message.get("body").asString()).isEqualTo("Photos of it");
        assertThat(message.get("internal").asBoolean()).isFalse();
        assertThat(fileNames(message)).containsExactly("letter.pdf", "rash.png");
        JsonNode png = message.get("attachments").get(1);
        assertThat(png.get("contentType").asString()).isEqualTo("image/png");
        assertThat(png.get("size").asLong()).isEqualTo(photo.length);
        assertThat(png.get("url").asString()).isEqualTo("/api/v1/attachments/" + png.get("id").asString());
        assertThat(message.get("attachments").get(0).get("contentType").asString()).isEqualTo("application/pdf");

        // The list shows the files on their message, and an empty list on the message without any.
        JsonNode items = demo.messages(PATEL, conversation);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("attachments")).isEmpty();
        assertThat(fileNames(items.get(1))).containsExactly("letter.pdf", "rash.png");
        assertThat(fileNames(demo.messages(ALICE, conversation).get(1))).containsExactly("letter.pdf", "rash.png");

        Api.BytesResponse download = api.get(png.get("url").asString()).token(demo.token(PATEL)).sendForBytes();
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("rash.png");
        assertThat(download.header("Cache-Control")).contains("no-store");
        assertThat(api.get(png.get("url").asString()).token(demo.token(ALICE)).sendForBytes().body()).isEqualTo(photo);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'attachment.downloaded' and allowed = true
                   and target_id = :id""").param("id", png.get("id").asString()).query(Long.class).single())
                .as("each download audited").isEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'message.sent' and allowed = true
                   and target_id = :id""").param("id", message.get("id").asString()).query(Long.class).single())
                .as("the send audited like a message's").isEqualTo(1);
    }

    @Test
    void staffAttachAFileToAnInternalNoteThatThePatientNeverSees() {
        Api.Response reply = attach(PATEL, Map.of("body", "Here is the leaflet"), null,
                new Api.FilePart("file", "leaflet.pdf", "application/pdf", pdf()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        Api.Response note = attach(PATEL, Map.of("internal", "true"), null,
                new Api.FilePart("file", "referral.pdf", "application/pdf", pdf()));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(note.json().get("internal").asBoolean()).isTrue();
        assertThat(note.json().get("body").asString()).isEmpty();
        String noteFile = note.json().get("attachments").get(0).get("id").asString();

        List<String> alicesFiles = new ArrayList<>();
        demo.messages(ALICE, conversation).forEach(m -> alicesFiles.addAll(fileNames(m)));
        assertThat(alicesFiles).containsExactly("leaflet.pdf");
        assertThat(api.get("/api/v1/attachments/" + noteFile).token(demo.token(ALICE)).send().status())
                .as("a note's file, to the patient").isEqualTo(404);
        assertThat(api.get("/api/v1/attachments/" + noteFile).token(demo.token(KIM)).sendForBytes().status())
                .as("to a colleague").isEqualTo(200);
        String leaflet = reply.json().get("attachments").get(0).get("id").asString();
        assertThat(api.get("/api/v1/attachments/" + leaflet).token(demo.token(ALICE)).sendForBytes().status())
                .isEqualTo(200);

        // A patient may not write an internal note, with a file or without.
        long[] before = counts();
        Api.Response refused = attach(ALICE, Map.of("internal", "true"), null,
                new Api.FilePart("file", "mine.pdf", "application/pdf", pdf()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aRenamedProgramOrArchiveIs415AndNothingIsStored() throws IOException {
        long[] before = counts();
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        for (var file : List.of(new Api.FilePart("file", "scan.pdf", "application/pdf", program),
                new Api.FilePart("file", "photo.jpg", "image/jpeg", zip()))) {
            Api.Response refused = attach(ALICE, Map.of("body", "My results"), null, file);
            assertThat(refused.status()).as(file.fileName() + " " + refused).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).contains("not a photo or a PDF");
        }
        // One bad file refuses the whole message, good files with it.
        Api.Response mixed = attach(ALICE, Map.of(), null, new Api.FilePart("files", "ok.pdf", "application/pdf", pdf()),
                new Api.FilePart("files", "notes.pdf", "application/pdf", zip()));
        assertThat(mixed.status()).as(mixed.toString()).isEqualTo(415);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFileOverTenMegabytesIs413AndNothingIsStored() {
        long[] before = counts();
        byte[] big = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);
        Api.Response refused = attach(ALICE, Map.of("body", "The full scan"), null,
                new Api.FilePart("file", "scan.pdf", "application/pdf", big));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(counts()).isEqualTo(before);

        // Just under the limit passes the size check of the API path (not the 256 KiB of JSON bodies).
        Api.Response accepted = attach(ALICE, Map.of(), null,
                new Api.FilePart("file", "scan.pdf", "application/pdf", Arrays.copyOf(pdf(), 2 * 1024 * 1024)));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void noFileOrAnEmptyFileIs400AndNothingIsStored() {
        long[] before = counts();
        Api.Response none = attach(ALICE, Map.of("body", "Forgot the file"), null);
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(none.contentType()).startsWith("application/problem+json");
        Api.Response empty = attach(ALICE, Map.of("body", "An empty one"), null,
                new Api.FilePart("file", "blank.pdf", "application/pdf", new byte[0]));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("empty");
        Api.Response json = api.post("/api/v1/conversations/" + conversation + "/attachments").token(demo.token(ALICE))
                .json(Map.of("body", "no files")).send();
        assertThat(json.status()).as("not a multipart form: " + json).isEqualTo(415);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anotherPatientsOrPracticesConversationOrFileIsNotFoundAndNothingIsStored() {
        Api.Response own = attach(ALICE, Map.of(), null, new Api.FilePart("file", "a.pdf", "application/pdf", pdf()));
        String file = own.json().get("attachments").get(0).get("id").asString();
        long[] before = counts();
        for (String actor : List.of(BOB, CAROL, LEE)) {
            Api.Response theirs = api.post("/api/v1/conversations/" + conversation + "/attachments")
                    .token(demo.token(actor)).multipart(Map.of("body", "Intruding"),
                            List.of(new Api.FilePart("file", "x.pdf", "application/pdf", pdf()))).send();
            assertThat(theirs.status()).as(actor + " " + theirs).isEqualTo(404);
            assertThat(theirs.contentType()).startsWith("application/problem+json");
            assertThat(api.get("/api/v1/attachments/" + file).token(demo.token(actor)).send().status()).as(actor)
                    .isEqualTo(404);
        }
        assertThat(api.get("/api/v1/attachments/" + UUID.randomUUID()).token(demo.token(PATEL)).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/attachments/" + file).send().status()).as("without a token").isEqualTo(401);
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'attachment.downloaded' and allowed = false
                   and target_id in (:file, :conversation)""").param("file", file).param("conversation", conversation)
                .query(Long.class).single())
                .as("refused downloads audited").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheSameMessageAndStoresTheFilesOnce() {
        String key = UUID.randomUUID().toString();
        var file = new Api.FilePart("file", "scan.pdf", "application/pdf", pdf());
        Api.Response first = attach(ALICE, Map.of("body", "Sent twice"), key, file);
        long[] after = counts();
        Api.Response again = attach(ALICE, Map.of("body", "Sent twice"), key, file);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("attachments")).isEqualTo(first.json().get("attachments"));
        assertThat(counts()).isEqualTo(after);

        Api.Response otherFile = attach(ALICE, Map.of("body", "Sent twice"), key,
                new Api.FilePart("file", "other.png", "image/png", pngQuietly()));
        assertThat(otherFile.status()).as("the same key for another file: " + otherFile).isEqualTo(422);
        assertThat(counts()).isEqualTo(after);
    }

    private Api.Response attach(String actor, Map<String, String> fields, String idempotencyKey,
            Api.FilePart... files) {
        Api.Call call = api.post("/api/v1/conversations/" + conversation + "/attachments").token(demo.token(actor))
                .multipart(fields, List.of(files));
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.send();
    }

    /** Messages and attachments of the conversation. */
    private long[] counts() {
        return new long[] {count("message"), count("attachment")};
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(Long.class).single();
    }

    private static List<String> fileNames(JsonNode message) {
        List<String> names = new ArrayList<>();
        message.get("attachments").forEach(a -> names.add(a.get("fileName").asString()));
        return names;
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(210, 90, 90));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] pngQuietly() {
        try {
            return png();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a photo".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
