package io.bedside.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.support.TestDatabases;

/**
 * The practice module on its own (with the shared module and an H2 database): it needs no other
 * module to store practices and their care teams. A context of a few beans, started in Surefire.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = TestDatabases.class)
class PracticeModuleTests {

    @Autowired
    Practices practices;

    @Autowired
    CareTeams careTeams;

    @Test
    void aPracticeAndItsCareTeamsAreStoredAndFoundInItOnly() {
        String slug = "module-" + UUID.randomUUID().toString().substring(0, 8);
        Practice practice = practices.create(slug, "Module practice", ZoneId.of("Europe/Madrid"), "es");
        Practice other = practices.create(slug + "-other", "Other practice", ZoneId.of("UTC"), "en");

        assertThat(practices.findBySlug(slug)).contains(practices.find(practice.id()).orElseThrow());
        assertThat(practices.find(practice.id()).orElseThrow().timeZone()).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(practices.find(PracticeId.random())).isEmpty();

        CareTeamId team = careTeams.create(practice.id(), "Nurses", "The nurses' team", 24);
        assertThat(careTeams.inPractice(practice.id())).extracting(CareTeam::name).containsExactly("Nurses");
        assertThat(careTeams.findInPractice(practice.id(), team)).get()
                .extracting(CareTeam::expectedResponseHours).isEqualTo(24);
        assertThat(careTeams.findInPractice(other.id(), team)).isEmpty();
        assertThat(careTeams.inPractice(other.id())).isEmpty();
    }
}
