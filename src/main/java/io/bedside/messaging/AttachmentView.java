package io.bedside.messaging;

import java.util.UUID;

/** A file on a message, as its readers see it. */
public record AttachmentView(UUID id, String filename, String contentType, long sizeBytes, boolean hasThumbnail) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    @Override
    public String toString() {
        return "AttachmentView[" + id + "]";
    }
}
