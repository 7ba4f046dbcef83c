package io.bedside.messaging.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.bedside.messaging.AttachmentId;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.AttachmentDownloads;
import io.bedside.messaging.internal.Attachments;
import io.bedside.messaging.internal.Transcripts;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.web.WebPage;

/** Files of a conversation: its photos and PDFs, and the whole conversation as a PDF to keep. */
@Controller
@WebPage
class FilePages {

    private final AttachmentDownloads downloads;
    private final Transcripts transcripts;
    private final TranscriptPdf pdf;
    private final Practices practices;

    FilePages(AttachmentDownloads downloads, Transcripts transcripts, TranscriptPdf pdf, Practices practices) {
        this.downloads = downloads;
        this.transcripts = transcripts;
        this.pdf = pdf;
        this.practices = practices;
    }

    /** A photo or PDF of a conversation the reader may see. Downloads are audited. */
    @GetMapping("/app/attachments/{id}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Actor actor, @PathVariable AttachmentId id) {
        return file(downloads.attachment(actor, id, false), false);
    }

    @GetMapping("/app/attachments/{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal Actor actor, @PathVariable AttachmentId id) {
        return file(downloads.attachment(actor, id, true), true);
    }

    /** A file as it is downloaded: its own name and type, never cached, never run as a page. */
    static ResponseEntity<byte[]> file(Attachments.Content content, boolean inline) {
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(content.filename(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(content.bytes());
    }

    /** The whole conversation as a PDF, to keep: the written record of what was said. */
    @GetMapping("/app/conversations/{id}/export.pdf")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            Locale locale) {
        var transcript = transcripts.export(actor, id);
        Practice practice = practices.find(actor.practiceId()).orElseThrow();
        TranscriptPdf.Document document = pdf.render(transcript, practice, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, document.contentDisposition())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(document.bytes());
    }
}
