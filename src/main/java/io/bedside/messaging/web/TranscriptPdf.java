package io.bedside.messaging.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.bedside.messaging.internal.Transcripts;
import io.bedside.practice.Practice;
import io.bedside.shared.ControlCharacters;
import io.bedside.shared.HumanTimes;

/**
 * Renders a conversation's transcript to PDF: the written record patients keep. A document is
 * read later, so every date is written in full ({@link HumanTimes#full}), never “today”.
 */
@Component
class TranscriptPdf {

    /** The name of the file, within what every browser and file system accepts. */
    private static final int MAX_NAME = 80;

    private final TemplateEngine templates;
    private final HumanTimes times;
    private final Clock clock;

    TranscriptPdf(TemplateEngine templates, HumanTimes times, Clock clock) {
        this.templates = templates;
        this.times = times;
        this.clock = clock;
    }

    /** The document and the name to save it under: “Feeling unwell 2026-11-29.pdf”. */
    record Document(byte[] bytes, String fileName) {

        /**
         * A Content-Disposition header with the name in UTF-8 ({@code filename*}, RFC 6266 and
         * 8187) and an ASCII fallback for old clients.
         */
        String contentDisposition() {
            String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replaceAll("[^\\x20-\\x7e]", "_").replace('"', '\'').replace('\\', '_');
            String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
            return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
        }
    }

    Document render(Transcripts.Transcript transcript, Practice practice, Locale locale) {
        Instant exportedAt = clock.instant();
        Context context = new Context(locale);
        context.setVariable("conversation", transcript.conversation());
        context.setVariable("messages", transcript.messages());
        context.setVariable("practice", practice);
        context.setVariable("zone", practice.timeZone());
        context.setVariable("times", times);
        context.setVariable("exportedAt", exportedAt);
        // Text stored before control characters were refused would make the XHTML parser fail the export.
        String html = ControlCharacters.strip(templates.process("messaging/export", context));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return new Document(out.toByteArray(),
                    fileName(transcript.conversation().subject(), LocalDate.ofInstant(exportedAt, practice.timeZone())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** “Feeling unwell 2026-11-29.pdf”: the subject made safe for a file name, and the day of export. */
    static String fileName(String subject, LocalDate day) {
        String safe = subject == null ? "" : subject.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", " ")
                .replaceAll("\\s+", " ").strip();
        while (safe.startsWith(".")) {
            safe = safe.substring(1).strip();
        }
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME).strip();
        }
        return (safe.isEmpty() ? "Conversation" : safe) + " " + day + ".pdf";
    }
}
