package io.bedside.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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

/**
 * The messaging module with what it depends on: a change calls the reactions of other modules
 * ({@link ConversationReactions}) with records that carry ids only.
 */
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

    @Autowired
    Recorded recorded;

    /** Stands in for the modules that react (live, notification, workflow, outreach), which this test does not start. */
    record Recorded(List<Object> calls) implements ConversationReactions {

        @Override
        public void started(ConversationStarted event) {
            calls.add(event);
        }

        @Override
        public void messageSent(MessageSent event) {
            calls.add(event);
        }
    }

    @TestConfiguration
    static class Reacting {

        @Bean
        Recorded recorded() {
            return new Recorded(new CopyOnWriteArrayList<>());
        }
    }

    @Test
    void startingAConversationCallsTheReactionsWithIdsOnly() {
        PracticeId practice = practices.create("module-" + UUID.randomUUID().toString().substring(0, 8), "Module test",
                ZoneId.of("UTC"), "en").id();
        CareTeamId team = careTeams.create(practice, "Team", null, 24);
        PatientId patient = patients.register(practice, new NewPatient("M-1", "Secret", "Name",
                LocalDate.of(1990, 1, 1), Sex.UNKNOWN, null, null, "en")).id();
        Actor alice = new Actor(UserId.random(), practice, Actor.Kind.PATIENT, Set.of(), patient);

        starts.start(alice, new NewConversation(team, "Secret subject", "Secret body", null, null, null));

        assertThat(recorded.calls()).hasSize(2);
        assertThat(recorded.calls().get(0)).isInstanceOf(ConversationStarted.class);
        MessageSent sent = (MessageSent) recorded.calls().get(1);
        assertThat(sent.seq()).isEqualTo(1);
        assertThat(sent.fromPatient()).isTrue();
        assertThat(sent.internal()).isFalse();
        assertThat(recorded.calls()).allSatisfy(call -> assertThat(call.toString()).doesNotContain("Secret"));
    }
}
