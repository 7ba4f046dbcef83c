package io.bedside.audit;

import java.util.List;

import io.bedside.shared.PracticeId;

/**
 * The outcome of checking one practice's audit chain.
 *
 * @param rowsChecked how many chained rows were read
 * @param problems    each row or checkpoint that does not hold, in plain words; empty when intact
 */
public record ChainVerification(PracticeId practiceId, long rowsChecked, long checkpointsChecked,
        List<String> problems) {

    public ChainVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
