package io.bedside.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;

import io.bedside.messaging.internal.ConversationStarts;
import io.bedside.messaging.internal.NewConversation;
import io.bedside.patient.NewPatient;
import io.bedside.patient.Patients;
import io.bedside.patient.Sex;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;
import io.bedside.support.TestDatabases;

/** The messaging module with what it depends on: sending publishes events that carry ids only. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "web")
@ContextConfiguration(initializers = TestDatabases.class)
class MessagingModuleTests {

    @Autowired
    ConversationStarts starts;

    @Autowired
    Practices practices;

    @Autowired
    CareTeams careTeams;

    @Autowired
    Patients patients;

    @Test
    void startingAConversationPublishesIdsOnly(Scenario scenario) {
        PracticeId practice = practices.create("module-" + UUID.randomUUID().toString().substring(0, 8), "Module test",
                ZoneId.of("UTC"), "en").id();
        CareTeamId team = careTeams.create(practice, "Team", null, 24);
        PatientId patient = patients.register(practice, new NewPatient("M-1", "Secret", "Name",
                LocalDate.of(1990, 1, 1), Sex.UNKNOWN, null, null, "en")).id();
        Actor alice = new Actor(UserId.random(), practice, Actor.Kind.PATIENT, java.util.Set.of(), patient);

        scenario.stimulate(() -> starts.start(alice, new NewConversation(team,
                        "Secret subject", "Secret body", null, null, null)))
                .andWaitForEventOfType(MessageSent.class)
                .toArriveAndVerify(event -> {
                    assertThat(event.seq()).isEqualTo(1);
                    assertThat(event.fromPatient()).isTrue();
                    assertThat(event.internal()).isFalse();
                    assertThat(event.toString()).doesNotContain("Secret");
                });
    }
}
