package io.bedside;

import java.nio.file.Path;

/** The embedded database's directory cannot be written to: a read-only or full file system, or no permission. */
public class DataDirectoryNotWritableException extends RuntimeException {

    private final transient Path directory;
    private final String reason;

    DataDirectoryNotWritableException(Path directory, String reason, Throwable cause) {
        super(directory + ": " + reason, cause);
        this.directory = directory;
        this.reason = reason;
    }

    public Path directory() {
        return directory;
    }

    public String reason() {
        return reason;
    }
}
