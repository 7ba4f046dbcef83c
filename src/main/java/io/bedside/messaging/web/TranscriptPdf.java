package io.bedside.messaging.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.bedside.messaging.Conversations;
import io.bedside.web.PageTimes;

/** Renders a conversation's transcript to PDF: the written record patients keep. */
@Component
class TranscriptPdf {

    private final TemplateEngine templates;
    private final PageTimes times;

    TranscriptPdf(TemplateEngine templates, PageTimes times) {
        this.templates = templates;
        this.times = times;
    }

    byte[] render(Conversations.Transcript transcript, String practiceName, ZoneId zone, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("conversation", transcript.conversation());
        context.setVariable("messages", transcript.messages());
        context.setVariable("practiceName", practiceName);
        context.setVariable("zone", zone);
        context.setVariable("times", times);
        context.setVariable("exportedAt", Instant.now());
        String html = templates.process("messaging/export", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
