package io.bedside.admin.internal;

import static io.bedside.admin.internal.RosterFilesFuzzTests.ROW_FIELDS;
import static io.bedside.admin.internal.RosterFilesFuzzTests.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.patient.RosterEntry;
import io.bedside.support.Fuzzing;

/**
 * One roster row, fields separated by new lines in the input: the row rules either refuse it
 * naming a field, or give an entry within bounds that reads back as itself when written in the
 * canonical forms (ISO and US dates, codes, E.164 phone).
 */
class RosterRowsFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void oneRow(byte[] data) {
        String[] parts = (new String(data, StandardCharsets.UTF_8) + "\n".repeat(10)).split("\n", -1);
        RosterRowChecks.Fields fields = new RosterRowChecks.Fields(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5],
                parts[6], parts[7], parts[8], parts[9]);
        Object checked = RosterRowChecks.check(fields, TODAY);
        if (checked instanceof RosterRowChecks.Refusal refusal) {
            assertThat(ROW_FIELDS).contains(refusal.field());
            return;
        }
        RosterEntry entry = (RosterEntry) checked;
        assertThat(entry.birthDate()).isBetween(LocalDate.of(1900, 1, 1), TODAY);
        assertThat(entry.externalId()).hasSizeBetween(1, 100);
        assertThat(entry.tags()).hasSizeLessThanOrEqualTo(20);
        if (entry.lastVisit() != null) {
            assertThat(entry.lastVisit()).isBeforeOrEqualTo(TODAY);
        }
        for (String birth : new String[] {entry.birthDate().toString(),
                entry.birthDate().format(DateTimeFormatter.ofPattern("M/d/uuuu"))}) {
            RosterRowChecks.Fields canonical = new RosterRowChecks.Fields(entry.externalId(), entry.givenName(),
                    entry.familyName(), birth, entry.sex().code(), nullToEmpty(entry.email()),
                    nullToEmpty(entry.phone()), entry.language(), String.join(";", entry.tags()),
                    entry.lastVisit() == null ? "" : entry.lastVisit().toString());
            assertThat(RosterRowChecks.check(canonical, TODAY)).isEqualTo(entry);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
