package io.bedside.messaging.internal;

import io.bedside.messaging.AttachmentId;

/** A file on a message, as its readers see it. */
public record AttachmentView(AttachmentId id, String filename, String contentType, long sizeBytes, boolean hasThumbnail) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    @Override
    public String toString() {
        return "AttachmentView[" + id + "]";
    }
}
