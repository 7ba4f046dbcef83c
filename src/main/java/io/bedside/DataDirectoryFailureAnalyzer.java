package io.bedside;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which directory Bedside cannot write to and what to do, instead of a stack trace. */
public class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryNotWritableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryNotWritableException cause) {
        return new FailureAnalysis(
                "Bedside cannot write to its data directory " + cause.directory() + " (" + cause.reason()
                        + "); the embedded database and the demo key live there. Nothing was changed.",
                "Make that directory writable (free some space if the disk is full), or point BEDSIDE_DATA_DIR at "
                        + "a writable directory, or use PostgreSQL (BEDSIDE_DB_URL).",
                cause);
    }
}
