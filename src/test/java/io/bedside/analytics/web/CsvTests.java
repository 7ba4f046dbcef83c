package io.bedside.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void everyFieldIsQuotedAndLinesEndInCrLf() {
        String csv = new Csv().row("Group", "Answered").row("Dr. Patel's team", 12).toString();
        assertThat(csv).isEqualTo("\"Group\",\"Answered\"\r\n\"Dr. Patel's team\",\"12\"\r\n");
    }

    @Test
    void quotesCommasAndLineBreaksStayInsideTheirField() {
        assertThat(Csv.field("Flu \"shots\", autumn\nround")).isEqualTo("\"Flu \"\"shots\"\", autumn\nround\"");
    }

    @Test
    void namesThatASpreadsheetWouldRunAreDefused() {
        assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.field("+1 team")).isEqualTo("\"'+1 team\"");
        assertThat(Csv.field("-2")).isEqualTo("\"'-2\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.field("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(Csv.field("Billing = front desk")).isEqualTo("\"Billing = front desk\"");
    }

    @Test
    void emptyAndMissingValuesAreEmptyFields() {
        assertThat(new Csv().row(Arrays.asList("a", null, "")).toString()).isEqualTo("\"a\",\"\",\"\"\r\n");
    }

    @Test
    void datesAndMinutesAreWrittenForMachines() {
        assertThat(Csv.field(LocalDate.of(2026, 11, 3))).isEqualTo("\"2026-11-03\"");
        assertThat(AnalyticsDownloads.minutes(Duration.ofMinutes(135).plusSeconds(30))).isEqualTo("135.5");
        assertThat(AnalyticsDownloads.minutes(null)).isEmpty();
    }
}
