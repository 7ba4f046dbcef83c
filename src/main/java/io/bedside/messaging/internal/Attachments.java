package io.bedside.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.messaging.AttachmentId;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.ContentTooLargeException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UnsupportedContentException;

/**
 * Photos and PDFs on messages. The type is found from the bytes (Apache Tika), never from the
 * name, so a renamed program is refused; files are stored encrypted, photos with a thumbnail, and
 * so are their names ("hiv-test-result.pdf" says what the file is).
 */
@Component
public class Attachments {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_PER_MESSAGE = 5;
    static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
            "image/heif", "application/pdf");

    /** A stored file's bytes, decrypted, with what to call it. */
    public record Content(String filename, String contentType, byte[] bytes) {
    }

    private final AttachmentRows rows;
    private final PracticeEncryption encryption;
    private final Thumbnails thumbnails;
    // Tika's detectors take most of a second to load: the first file a node checks pays that, not its start.
    private volatile Tika tika;

    Attachments(AttachmentRows rows, PracticeEncryption encryption, Thumbnails thumbnails) {
        this.rows = rows;
        this.encryption = encryption;
        this.thumbnails = thumbnails;
    }

    private Tika tika() {
        Tika loaded = tika;
        if (loaded == null) {
            synchronized (this) {
                if (tika == null) {
                    tika = new Tika();
                }
                loaded = tika;
            }
        }
        return loaded;
    }

    /** A file that passed the checks: its type found from the bytes, and a photo's thumbnail (or null). */
    public record Checked(String type, byte[] thumbnail) {
    }

    /**
     * Checks every file before anything is written: one bad file refuses the whole message. Thumbnails
     * are made here, outside the transaction that stores the message, so no row lock waits on a decoder.
     */
    public List<Checked> check(List<NewAttachment> files) {
        if (files.size() > MAX_PER_MESSAGE) {
            throw new InvalidRequestException("attachments", "At most " + MAX_PER_MESSAGE + " files per message.");
        }
        List<String> types = new ArrayList<>();
        for (NewAttachment file : files) {
            String name = safeName(file.filename());
            if (file.content().length == 0) {
                throw new InvalidRequestException("attachments", "The file " + name + " is empty.");
            }
            if (file.content().length > MAX_BYTES) {
                throw new ContentTooLargeException("attachments", "The file " + name + " is larger than 10 MB.");
            }
            String type = tika().detect(file.content());
            if (!ALLOWED.contains(type)) {
                throw new UnsupportedContentException("attachments",
                        "The file " + name + " is not a photo or a PDF, so it cannot be sent.");
            }
            if (type.startsWith("image/")) {
                refuseAbsurdSize(name, file.content());
            }
            types.add(type);
        }
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String type = types.get(i);
            checked.add(new Checked(type, type.startsWith("image/") ? thumbnails.of(files.get(i).content()) : null));
        }
        return checked;
    }

    /** Stores the checked files of a new message; returns them as its readers will see them. */
    public List<AttachmentView> store(PracticeId practice, ConversationId conversation, MessageId message,
            List<NewAttachment> files, List<Checked> types, Instant now) {
        List<AttachmentView> stored = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            NewAttachment file = files.get(i);
            UUID id = UUID.randomUUID();
            byte[] thumbnail = types.get(i).thumbnail();
            rows.insert(id, practice, conversation, message, encryptName(practice, conversation, id, file.filename()),
                    types.get(i).type(), file.content().length,
                    encryption.encrypt(practice, file.content(), context("content", conversation, id)),
                    thumbnail == null ? null : encryption.encrypt(practice, thumbnail, context("thumbnail", conversation, id)),
                    now);
            stored.add(new AttachmentView(AttachmentId.of(id), safeName(file.filename()), types.get(i).type(),
                    file.content().length, thumbnail != null));
        }
        stored.sort(Comparator.comparing(AttachmentView::filename));
        return stored;
    }

    /** The attachments of one message, as {@link #of} lists them. */
    public List<AttachmentView> ofMessage(PracticeId practice, ConversationId conversation, MessageId message) {
        return of(practice, conversation).getOrDefault(message.value(), List.of());
    }

    /** The attachments of some messages of one conversation, by message. */
    public Map<UUID, List<AttachmentView>> of(PracticeId practice, ConversationId conversation) {
        Map<UUID, List<AttachmentView>> byMessage = new HashMap<>();
        for (AttachmentRows.Listed row : rows.of(practice, conversation)) {
            byMessage.computeIfAbsent(row.messageId(), k -> new ArrayList<>())
                    .add(new AttachmentView(AttachmentId.of(row.id()),
                            name(practice, conversation, row.id(), row.nameCiphertext()), row.contentType(),
                            row.sizeBytes(), row.hasThumbnail()));
        }
        // A message's files share their time: by name, as they were listed when names were in clear.
        byMessage.values().forEach(files -> files.sort(Comparator.comparing(AttachmentView::filename)));
        return byMessage;
    }

    /** Where an attachment is: its conversation, and whether it is on an internal note. */
    public record Place(ConversationId conversation, boolean internal) {
    }

    /** Where an attachment belongs, within the practice; access is the caller's to check. */
    public Optional<Place> placeOf(PracticeId practice, AttachmentId attachment) {
        return rows.placeOf(practice, attachment);
    }

    public Content content(PracticeId practice, ConversationId conversation, AttachmentId id, boolean thumbnail) {
        UUID attachment = id.value();
        AttachmentRows.Stored row = rows.find(practice, conversation, attachment, thumbnail)
                .filter(r -> r.stored() != null).orElseThrow(NotFoundException::new);
        byte[] bytes = encryption.decrypt(practice, row.stored(),
                context(thumbnail ? "thumbnail" : "content", conversation, attachment));
        return new Content(name(practice, conversation, attachment, row.nameCiphertext()),
                thumbnail ? "image/jpeg" : row.contentType(), bytes);
    }

    /** The name as {@link #safeName} makes it, encrypted under the practice key, bound to the attachment. */
    byte[] encryptName(PracticeId practice, ConversationId conversation, UUID attachment, String name) {
        return encryption.encrypt(practice, safeName(name).getBytes(StandardCharsets.UTF_8),
                context("filename", conversation, attachment));
    }

    /**
     * The stored name, decrypted. Only a name stored before names were encrypted can be missing,
     * until {@link ClearFileNames} has encrypted it (before a node serves anyone).
     */
    private String name(PracticeId practice, ConversationId conversation, UUID attachment, byte[] ciphertext) {
        return ciphertext == null ? "file"
                : new String(encryption.decrypt(practice, ciphertext, context("filename", conversation, attachment)),
                        StandardCharsets.UTF_8);
    }

    private static AssociatedData context(String part, ConversationId conversation, UUID attachment) {
        return AssociatedData.of("attachment." + part, conversation, attachment);
    }

    /** A photo whose header declares more pixels than any camera takes is refused before it is decoded. */
    private void refuseAbsurdSize(String name, byte[] image) {
        thumbnails.dimensions(image).filter(size -> !Thumbnails.acceptable(size)).ifPresent(size -> {
            throw new InvalidRequestException("attachments", "The photo " + name + " is too large to show ("
                    + size.width() + " × " + size.height() + " pixels). Send a smaller photo, of at most "
                    + Thumbnails.MAX_PIXELS / 1_000_000 + " megapixels.");
        });
    }

    /** The name as shown and offered for download: no path, no control characters, not too long. */
    static String safeName(String name) {
        String base = name == null ? "file" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
