package io.bedside.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.patient.RosterEntry;
import io.bedside.shared.InvalidRequestException;
import io.bedside.support.Fuzzing;

/**
 * Roster files as an admin uploads them: any bytes are either rows that the row rules can judge
 * (never a formula, numbered in order, within the row limit) or a refusal of the file as a whole.
 */
class RosterFilesFuzzTests {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final Set<String> ROW_FIELDS = Set.of("externalId", "givenName", "familyName", "birthDate", "sex", "email",
            "phone", "language", "tags", "lastVisit");

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void csv(byte[] file) {
        checkRows(() -> RosterFiles.csv(file));
    }

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void fhirBundle(byte[] file) {
        checkRows(() -> RosterFiles.fhir(file));
    }

    private static void checkRows(Supplier<List<RosterFiles.Row>> read) {
        List<RosterFiles.Row> rows;
        try {
            rows = read.get();
        } catch (InvalidRequestException refused) {
            assertThat(refused.field()).isEqualTo("file");
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(RosterFiles.MAX_ROWS);
        int last = 0;
        for (RosterFiles.Row row : rows) {
            assertThat(row.number()).isGreaterThan(last);
            last = row.number();
            RosterRowChecks.Fields f = row.fields();
            for (String value : Arrays.asList(f.externalId(), f.givenName(), f.familyName(), f.email(), f.phone(),
                    f.tags())) {
                assertThat(RosterRowChecks.isFormula(value)).as("formula let through").isFalse();
            }
            Object checked = RosterRowChecks.check(f, TODAY);
            if (checked instanceof RosterRowChecks.Refusal refusal) {
                assertThat(ROW_FIELDS).contains(refusal.field());
            } else {
                assertThat(checked).isInstanceOf(RosterEntry.class);
            }
        }
    }
}
