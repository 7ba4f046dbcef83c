package io.bedside.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.bedside.patient.RosterEntry;
import io.bedside.patient.Sex;

/** The rules for one roster row, whatever file it came from. */
class RosterRowsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static Object check(String birth, String phone, String language) {
        return RosterRowChecks.check(new RosterRowChecks.Fields("R-1", "Ann", "Lee", birth, "f", "", phone, language, "", ""), TODAY);
    }

    @Test
    void anImpossibleDateIsRefusedInEitherFormNeverBentIntoAnother() {
        assertThat(check("02/30/1980", "", "en")).isInstanceOf(RosterRowChecks.Refusal.class);
        assertThat(check("1980-02-30", "", "en")).isInstanceOf(RosterRowChecks.Refusal.class);
        assertThat(((RosterEntry) check("02/29/1980", "", "en")).birthDate()).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(check("2027-01-01", "", "en")).isInstanceOf(RosterRowChecks.Refusal.class);
    }

    @Test
    void phonesBecomeE164AndLanguagesMustExist() {
        assertThat(((RosterEntry) check("1980-01-01", "(555) 010-2001", "ES")).phone()).isEqualTo("+15550102001");
        assertThat(((RosterEntry) check("1980-01-01", "+44 20 7946 0958", "en")).phone()).isEqualTo("+442079460958");
        assertThat(((RosterEntry) check("1980-01-01", "", "ES")).language()).isEqualTo("es");
        assertThat(((RosterEntry) check("1980-01-01", "", "")).language()).isEqualTo("en");
        assertThat(check("1980-01-01", "call me", "en")).isInstanceOf(RosterRowChecks.Refusal.class);
        assertThat(check("1980-01-01", "", "xx")).isInstanceOf(RosterRowChecks.Refusal.class);
        assertThat(((RosterEntry) check("1980-01-01", "", "en")).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void formulasAreToldApartFromPhoneNumbers() {
        assertThat(RosterRowChecks.isFormula("=cmd|' /C calc'!A0")).isTrue();
        assertThat(RosterRowChecks.isFormula("@SUM(A1:A9)")).isTrue();
        assertThat(RosterRowChecks.isFormula("+A1")).isTrue();
        assertThat(RosterRowChecks.isFormula("-2+3")).isTrue();
        assertThat(RosterRowChecks.isFormula("+1 555 010 2001")).isFalse();
        assertThat(RosterRowChecks.isFormula("-")).isFalse();
        assertThat(RosterRowChecks.isFormula("O'Brien")).isFalse();
    }
}
