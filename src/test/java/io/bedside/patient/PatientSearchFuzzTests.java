package io.bedside.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.support.Fuzzing;

/**
 * What staff type in the patient search: at most five folded name words and a date of birth in
 * any accepted form (2026-01-15, 1/15/2026, 15.1.2026); never an exception. A date found reads back
 * as itself in every form, and a folded word folds to itself.
 */
class PatientSearchFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void typedSearch(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        PatientSearch.Terms terms = PatientSearch.parse(text);

        assertThat(terms.words()).hasSizeLessThanOrEqualTo(5);
        for (String word : terms.words()) {
            assertThat(word).isNotBlank().isEqualTo(PatientSearch.fold(word));
        }
        if (terms.birthDate() != null && terms.birthDate().getYear() >= 1000 && terms.birthDate().getYear() <= 9999) {
            for (String pattern : new String[] {"uuuu-MM-dd", "M/d/uuuu", "d.M.uuuu"}) {
                String typed = terms.birthDate().format(DateTimeFormatter.ofPattern(pattern));
                assertThat(PatientSearch.parse(typed).birthDate()).as(typed).isEqualTo(terms.birthDate());
            }
        }
    }
}
