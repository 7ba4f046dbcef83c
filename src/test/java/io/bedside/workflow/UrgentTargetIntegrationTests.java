package io.bedside.workflow;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.messaging.AnswerPromises;
import io.bedside.messaging.ConversationId;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PracticeId;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * An urgent conversation is due at the moment it was flagged plus the practice's urgent target,
 * in wall-clock time (nights and weekends included); the after-hours reply stays silent in it; a
 * call to the patient meets the target and clearing the flag goes back to the team's promise.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class UrgentTargetIntegrationTests extends ApplicationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MovableClock clock;

    @Autowired
    CareTeams careTeams;

    @Autowired
    ResponsePromises promises;

    @Autowired
    UrgentTarget target;

    private PracticeId riverside;
    private CareTeamId patelTeam;

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(NEW_YORK).toInstant();
    }

    @BeforeEach
    void weekdaysEightToFive() {
        riverside = demo.actor(KIM).practiceId();
        patelTeam = CareTeamId.parse(demo.team(KIM, "Dr. Patel"));
        careTeams.setOfficeHours(riverside, patelTeam, OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0)));
    }

    @AfterEach
    void putBack() {
        careTeams.setOfficeHours(riverside, patelTeam, Map.<DayOfWeek, List<OfficeHours.Window>>of());
        jdbc.sql("delete from urgent_target where practice_id = :p").param("p", riverside.value()).update();
        clock.set(Instant.now());
    }

    private void moveTo(Instant instant) {
        clock.set(instant);
        demo = new io.bedside.support.Demo(api);
    }

    private AnswerPromises.Promise promise(String id) {
        return promises.of(riverside, List.of(ConversationId.parse(id))).get(ConversationId.parse(id));
    }

    private List<String> systemTexts(String id) {
        List<String> texts = new java.util.ArrayList<>();
        for (JsonNode m : demo.messages(ALICE, id)) {
            if ("system".equals(m.get("author").get("role").asString())) {
                texts.add(m.get("body").asString());
            }
        }
        return texts;
    }

    @Test
    void anUrgentConversationIsDueAtTheFlagPlusTheUrgentTarget() {
        moveTo(at(11, 24, 11, 0)); // Tuesday, open: the routine promise would be Wednesday 11:00
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Since this morning", "I have chest pain and my arm is numb");
        AnswerPromises.Promise due = promise(id);
        assertThat(due.dueAt()).isEqualTo(at(11, 24, 12, 0));
        assertThat(due.urgent()).isTrue();

        target.set(demo.actor(RIVERSIDE_ADMIN), 30);
        moveTo(at(11, 24, 11, 10));
        String other = demo.startAsPatient(ALICE, "Dr. Patel", "Breathing", "I can't breathe well since lunch");
        assertThat(promise(other).dueAt()).isEqualTo(at(11, 24, 11, 40));
        assertThat(promise(id).dueAt()).as("a flag keeps the target it was flagged under").isEqualTo(at(11, 24, 12, 0));
    }

    @Test
    void atNightTheUrgentTargetCountsClockTimeAndTheUrgentReplySpeaksAlone() {
        moveTo(at(11, 21, 23, 0)); // Saturday night, closed until Monday 8:00
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Night", "I took too many pills tonight");
        assertThat(promise(id).dueAt()).isEqualTo(at(11, 22, 0, 0));
        List<String> texts = systemTexts(id);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).contains("911").doesNotContain("expect an answer");

        demo.send(ALICE, id, "Are you there?");
        assertThat(systemTexts(id)).as("no after-hours reply in an urgent conversation").hasSize(1);
    }

    @Test
    void aCallMeetsTheTargetAndGoesOverdueNeverClearingTheFlagDoes() {
        moveTo(at(11, 24, 9, 0)); // Tuesday 9:00; the team's promise (1 business day): Wednesday 9:00
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Chest", "Chest pain since I woke up");
        assertThat(promise(id).dueAt()).isEqualTo(at(11, 24, 10, 0));

        moveTo(at(11, 24, 9, 20));
        var call = api.post("/api/v1/conversations/" + id + "/calls").token(demo.token(KIM))
                .json(Map.of("outcome", "Reached her; she is on her way to the ER.")).send();
        assertThat(call.status()).isEqualTo(201);
        AnswerPromises.Promise after = promise(id);
        assertThat(after.urgent()).isFalse();
        assertThat(after.dueAt()).as("the written answer: the team's usual promise").isEqualTo(at(11, 25, 9, 0));
        assertThat(api.get("/api/v1/conversations/" + id).token(demo.token(KIM)).send().json().get("priority").asString())
                .as("the flag stays until a nurse clears it").isEqualTo("urgent");

        moveTo(at(11, 24, 10, 30));
        promises.escalateOverdue();
        assertThat(overdueNotices(id)).as("a call met the urgent target: no overdue alert").isZero();
    }

    @Test
    void anUnansweredUrgentConversationGoesOverdueAfterTheTargetAndClearingTheFlagGoesBack() {
        moveTo(at(11, 24, 9, 0));
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Chest again", "Crushing pain in my chest");
        moveTo(at(11, 24, 10, 1));
        assertThat(promise(id).overdue()).isTrue();
        promises.escalateOverdue();
        assertThat(overdueNotices(id)).isEqualTo(1);

        assertThat(demo.triage(KIM, id, Map.of("priority", "routine")).status()).isEqualTo(200);
        AnswerPromises.Promise routine = promise(id);
        assertThat(routine.urgent()).isFalse();
        assertThat(routine.dueAt()).isEqualTo(at(11, 25, 9, 0));
        assertThat(routine.overdue()).isFalse();

        moveTo(at(11, 24, 10, 30));
        assertThat(demo.triage(KIM, id, Map.of("priority", "urgent")).status()).isEqualTo(200);
        assertThat(promise(id).dueAt()).as("staff flag it: due within the target from now").isEqualTo(at(11, 24, 11, 30));
    }

    @Test
    void onlyAPracticeAdminSetsATargetBetweenFiveMinutesAndADay() {
        assertThat(target.minutes(riverside)).isEqualTo(60);
        assertThatThrownBy(() -> target.set(demo.actor(RIVERSIDE_ADMIN), 2)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> target.set(demo.actor(RIVERSIDE_ADMIN), 1441)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> target.set(demo.actor(KIM), 30)).isInstanceOf(io.bedside.shared.ForbiddenException.class);
        target.set(demo.actor(RIVERSIDE_ADMIN), 15);
        assertThat(target.of(riverside)).isEqualTo(Duration.ofMinutes(15));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'urgent_target.changed'").query(Long.class)
                .single()).isPositive();
    }

    private long overdueNotices(String id) {
        String lead = demo.me(PATEL).get("id").asString();
        return jdbc.sql("select count(*) from notification where kind = 'OVERDUE' and conversation_id = :c and user_id = :u")
                .param("c", UUID.fromString(id)).param("u", UUID.fromString(lead)).query(Long.class).single();
    }
}
