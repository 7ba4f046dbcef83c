package io.bedside.messaging.system;

/** A file that came with a patient's text message (MMS), as fetched from the gateway. */
public record TextFile(String filename, byte[] content) {

    @Override
    public String toString() {
        return "TextFile[" + content.length + " bytes]";
    }
}
