package io.bedside.outreach;

import java.util.List;

import io.bedside.shared.PatientId;

/**
 * How many patients a cohort selects now, how many of them have a Bedside account (and so are
 * told of the message by email or text; the others see it once they accept their invitation), and
 * a few of them so staff can check it is right.
 */
public record CohortPreview(int count, int withAccount, List<Member> sample) {

    /** One selected patient as the preview shows them. Contains PHI: never log it. */
    public record Member(PatientId id, String name, int age, String sex, String language) {
        @Override
        public String toString() {
            return "Member[" + id + "]";
        }
    }
}
