package io.bedside.messaging.internal;

/** A file sent with a message, as uploaded. Its name is the patient's; its type is found from its bytes. */
public record NewAttachment(String filename, byte[] content) {

    @Override
    public String toString() {
        return "NewAttachment[" + content.length + " bytes]";
    }
}
