package io.bedside.messaging.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.bedside.messaging.AttachmentId;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.AttachmentDownloads;
import io.bedside.messaging.internal.MessageSends;
import io.bedside.messaging.internal.NewAttachment;
import io.bedside.messaging.internal.SentMessage;
import io.bedside.messaging.web.ConversationJson.MessageJson;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;

/**
 * Photos and PDFs through the API. {@code POST /api/v1/conversations/{id}/attachments} takes a
 * multipart form ({@code file} or {@code files} parts, an optional {@code body} and, for staff,
 * {@code internal}) and sends one message carrying the files through the same send path as a
 * message: the same access checks, audit, events, urgent check and Idempotency-Key replay. The type
 * is found from the bytes: 415 for anything but a photo or a PDF, 413 for a file over 10 MB.
 * {@code GET /api/v1/attachments/{id}} downloads one, audited like a page's download.
 */
@RestController
class AttachmentController {

    private final MessageSends sends;
    private final AttachmentDownloads downloads;

    AttachmentController(MessageSends sends, AttachmentDownloads downloads) {
        this.sends = sends;
        this.downloads = downloads;
    }

    @PostMapping(path = "/api/v1/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MessageJson> attach(@AuthenticationPrincipal Actor actor, @PathVariable ConversationId id,
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "body", required = false) String body,
            @RequestParam(name = "internal", required = false) String internal,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        List<NewAttachment> attached = new ArrayList<>();
        for (List<MultipartFile> parts : List.of(file == null ? List.<MultipartFile>of() : file,
                files == null ? List.<MultipartFile>of() : files)) {
            for (MultipartFile part : parts) {
                // An empty part is refused by the checks ("the file is empty"), not dropped.
                attached.add(new NewAttachment(part.getOriginalFilename(), part.getBytes()));
            }
        }
        if (attached.isEmpty()) {
            throw new InvalidRequestException("file", "Attach at least one file (a 'file' or 'files' part).");
        }
        SentMessage sent = sends.send(actor, id, body, internal(internal), idempotencyKey, attached);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/conversations/" + id + "/messages?after=" + (sent.message().seq() - 1)))
                .header("Idempotent-Replayed", Boolean.toString(sent.replayed()))
                .body(MessageJson.of(sent.message()));
    }

    @GetMapping("/api/v1/attachments/{id}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Actor actor, @PathVariable AttachmentId id) {
        return FilePages.file(downloads.attachment(actor, id, false), false);
    }

    private static boolean internal(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidRequestException("internal", "internal is true or false.");
    }
}
