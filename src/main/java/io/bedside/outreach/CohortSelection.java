package io.bedside.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.bedside.patient.system.SystemPatients;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whom a cohort selects: for the preview and the review ({@link Campaigns}) and once more when a
 * campaign starts ({@link CampaignSender}). Opted-out patients are never selected.
 */
@Component
class CohortSelection {

    private final CampaignRows rows;
    private final SystemPatients patients;
    private final Practices practices;
    private final JsonMapper json;
    private final Clock clock;

    CohortSelection(CampaignRows rows, SystemPatients patients, Practices practices, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.patients = patients;
        this.practices = practices;
        this.json = json;
        this.clock = clock;
    }

    /** The practice's patients the cohort selects at {@code now}, opted-out patients never among them. */
    List<PatientId> select(PracticeId practice, Cohort cohort, Instant now) {
        List<PatientId> selected = patients.campaignCohort(practice, cohort.criteria(), today(practice(practice).timeZone()));
        if (cohort.notContactedDays() == null) {
            return selected;
        }
        Set<PatientId> recent = rows.contactedSince(practice, now.minus(Duration.ofDays(cohort.notContactedDays())));
        return selected.stream().filter(p -> !recent.contains(p)).toList();
    }

    /** The cohort a campaign row stores. */
    @SuppressWarnings("unchecked")
    Cohort cohort(CampaignRows.Row row) {
        return Cohort.parse(json.readValue(row.cohortJson(), Map.class));
    }

    /** The cohort as a campaign row stores it. */
    String stored(Cohort cohort) {
        return json.writeValueAsString(cohort.toJson());
    }

    Practice practice(PracticeId id) {
        return practices.find(id).orElseThrow(() -> new NotFoundException("No such practice."));
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
