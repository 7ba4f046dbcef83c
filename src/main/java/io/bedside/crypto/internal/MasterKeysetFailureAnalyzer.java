package io.bedside.crypto.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.bedside.crypto.MasterKeysetMissingException;

/** Turns a missing master keyset into a short, plain explanation instead of a stack trace. */
public class MasterKeysetFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeysetMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MasterKeysetMissingException cause) {
        return new FailureAnalysis(
                "Bedside needs its master keyset to start outside demo mode, and there is none: " + cause.getMessage() + ".",
                "Set BEDSIDE_MASTER_KEYSET to the path of the Tink keyset file (see docs/operations.md, 'Keys'),"
                        + " or set BEDSIDE_DEMO=true to run the demo with a generated key.",
                cause);
    }
}
