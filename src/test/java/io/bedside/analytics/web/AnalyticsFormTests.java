package io.bedside.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.bedside.analytics.ResponseGrouping;
import io.bedside.analytics.VolumeGrouping;
import io.bedside.shared.NotFoundException;

class AnalyticsFormTests {

    @Test
    void nothingGivenLeavesTheRangeToTheService() {
        AnalyticsForm form = AnalyticsForm.read(null, "", null, null, null);
        assertThat(form.valid()).isTrue();
        assertThat(form.query().from()).isNull();
        assertThat(form.query().to()).isNull();
        assertThat(form.query().teamId()).isEmpty();
        assertThat(form.responseGrouping()).isEqualTo(ResponseGrouping.TEAM);
        assertThat(form.volumeGrouping()).isEqualTo(VolumeGrouping.DAY);
    }

    @Test
    void readsDatesTeamAndGroupings() {
        AnalyticsForm form = AnalyticsForm.read("2026-11-01", " 2026-11-30 ", "3f2b0c1e-8a7d-4c1e-9a0b-2c3d4e5f6a7b",
                "Staff", "weekday-hour");
        assertThat(form.valid()).isTrue();
        assertThat(form.query().from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(form.query().to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(form.query().teamId()).isPresent();
        assertThat(form.responseGrouping()).isEqualTo(ResponseGrouping.STAFF);
        assertThat(form.volumeGrouping()).isEqualTo(VolumeGrouping.WEEKDAY_HOUR);
    }

    @Test
    void mistakesAreNamedByField() {
        assertThat(AnalyticsForm.read("2026-13-01", "tomorrow", null, null, null).errors())
                .containsEntry("from", "analytics.error.from").containsEntry("to", "analytics.error.to");
        assertThat(AnalyticsForm.read("2026-11-30", "2026-11-01", null, null, null).errors())
                .containsEntry("to", "analytics.error.order");
        assertThat(AnalyticsForm.read("2025-01-01", "2026-01-02", null, null, null).errors())
                .containsEntry("from", "analytics.error.tooLong");
        assertThat(AnalyticsForm.read("2025-01-01", "2025-12-31", null, null, null).valid()).isTrue();
        assertThat(AnalyticsForm.read(null, null, null, "patient", null).errors())
                .containsEntry("groupBy", "analytics.error.groupBy");
        assertThat(AnalyticsForm.read(null, null, null, null, "minute").errors())
                .containsEntry("groupBy", "analytics.error.groupBy");
    }

    @Test
    void aTeamIdThatIsNoIdNamesNothing() {
        assertThatThrownBy(() -> AnalyticsForm.read(null, null, "not-a-team", null, null))
                .isInstanceOf(NotFoundException.class);
    }
}
