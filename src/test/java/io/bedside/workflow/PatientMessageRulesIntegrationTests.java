package io.bedside.workflow;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.bedside.messaging.ConversationId;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.MovableClock;
import io.bedside.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * Office hours, the after-hours reply, the answer promise in business time, overdue escalation and
 * urgent words, with the clock moved by the test.
 */
@Import(MovableClock.Config.class)
@BothDatabases
class PatientMessageRulesIntegrationTests extends ApplicationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    MovableClock clock;

    @Autowired
    CareTeams careTeams;

    @Autowired
    ResponsePromises promises;

    private PracticeId riverside;
    private CareTeamId patelTeam;

    private static Instant at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(NEW_YORK).toInstant();
    }

    @BeforeEach
    void weekdaysEightToFive() {
        riverside = demo.actor(KIM).practiceId();
        patelTeam = CareTeamId.parse(demo.team(KIM, "Dr. Patel"));
        Map<DayOfWeek, List<OfficeHours.Window>> week = OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0));
        careTeams.setOfficeHours(riverside, patelTeam, week);
    }

    @AfterEach
    void openAgain() {
        careTeams.setOfficeHours(riverside, patelTeam, Map.of());
        clock.set(Instant.now());
    }

    /** Moves the clock; API tokens are signed in again, as the old ones may have expired meanwhile. */
    private void moveTo(Instant instant) {
        clock.set(instant);
        demo = new io.bedside.support.Demo(api);
    }

    private List<JsonNode> systemMessages(String user, String conversation) {
        List<JsonNode> found = new java.util.ArrayList<>();
        demo.messages(user, conversation).forEach(m -> {
            if ("system".equals(m.get("author").get("role").asString())) {
                found.add(m);
            }
        });
        return found;
    }

    @Test
    void afterHoursTheReplyComesOncePerClosedPeriodWithTheExpectedAnswer() {
        moveTo(at(11, 21, 22, 0)); // Saturday night
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Weekend question", "Is my lab result back?");
        demo.send(ALICE, id, "Also, one more thing.");
        demo.send(ALICE, id, "And another.");

        List<JsonNode> replies = systemMessages(ALICE, id);
        assertThat(replies).hasSize(1);
        String text = replies.get(0).get("body").asString();
        assertThat(text).contains("Riverside Family Medicine is closed now")
                .contains("Monday, November 23 at 8:00 AM")
                .contains("Monday, November 23 at 5:00 PM")
                .contains("911").contains("988")
                .doesNotContain("lab result");
        assertThat(replies.get(0).get("author").get("displayName").asString()).isEqualTo("Riverside Family Medicine");
        assertThat(replies.get(0).get("author").get("role").asString()).isEqualTo("system");
        var promise = promises.of(riverside, List.of(ConversationId.parse(id))).get(ConversationId.parse(id));
        // "1 business day" from a closed time: by the end of the next open day.
        assertThat(promise.dueAt()).isEqualTo(at(11, 23, 17, 0));
        assertThat(promise.overdue()).isFalse();

        moveTo(at(11, 23, 10, 0)); // Monday, open
        demo.send(ALICE, id, "Good morning!");
        assertThat(systemMessages(ALICE, id)).hasSize(1);

        moveTo(at(11, 23, 20, 0)); // Monday evening: a new closed period
        demo.send(ALICE, id, "Still waiting, sorry.");
        assertThat(systemMessages(ALICE, id)).hasSize(2);
    }

    @Test
    void aSpanishSpeakingPatientGetsTheReplyInSpanish() {
        moveTo(at(11, 22, 9, 0)); // Sunday morning
        String id = demo.startAsPatient(BOB, "Dr. Patel", "Pregunta", "¿Está listo mi análisis?");
        String text = systemMessages(BOB, id).get(0).get("body").asString();
        assertThat(text).contains("Riverside Family Medicine está cerrado ahora").contains("lunes 23 de noviembre a las 8:00")
                .contains("911");
    }

    @Test
    void duringOfficeHoursThereIsNoAutomaticReply() {
        moveTo(at(11, 24, 11, 0)); // Tuesday 11:00
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Weekday question", "Quick one");
        assertThat(systemMessages(ALICE, id)).isEmpty();
        var promise = promises.of(riverside, List.of(ConversationId.parse(id))).get(ConversationId.parse(id));
        // "1 business day" from an open time: the same time on the next open day.
        assertThat(promise.dueAt()).isEqualTo(at(11, 25, 11, 0));
    }

    @Test
    void anUnansweredConversationGoesOverdueAndItsLeadHearsOnce() {
        moveTo(at(11, 24, 9, 0)); // Tuesday 9:00; one business day later is Wednesday 9:00
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Overdue test", "Hello?");
        demo.note(KIM, id, "A note does not answer the patient.");
        ConversationId conversation = ConversationId.parse(id);

        String lead = demo.me(PATEL).get("id").asString();
        java.util.function.LongSupplier notices = () -> jdbc.sql(
                "select count(*) from notification where kind = 'OVERDUE' and conversation_id = :c and user_id = :u")
                .param("c", conversation.value()).param("u", java.util.UUID.fromString(lead)).query(Long.class).single();
        moveTo(at(11, 25, 8, 30));
        promises.escalateOverdue();
        assertThat(promises.of(riverside, List.of(conversation)).get(conversation).overdue()).isFalse();
        assertThat(notices.getAsLong()).isZero();
        moveTo(at(11, 25, 9, 30));
        assertThat(promises.of(riverside, List.of(conversation)).get(conversation).overdue()).isTrue();
        assertThat(promises.escalateOverdue()).isPositive();
        promises.escalateOverdue();
        assertThat(notices.getAsLong()).isEqualTo(1);

        demo.send(KIM, id, "Sorry for the wait: here is your answer.");
        assertThat(promises.of(riverside, List.of(conversation))).isEmpty();
    }

    @Test
    void theTeamCardsPromiseAndTheDueTimeAgreeForAFridayAfternoonMessage() {
        moveTo(at(11, 20, 15, 0)); // Friday 3:00 PM, the team open 8-5 on weekdays
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        String card = alice.get("/app/conversations").body();
        assertThat(card).contains("Your care team usually answers within 1 business day.");
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Friday question", "Before the weekend");
        var promise = promises.of(riverside, List.of(ConversationId.parse(id))).get(ConversationId.parse(id));
        // One business day from Friday 3 PM is Monday 3 PM: the same time on the next open day.
        assertThat(promise.dueAt()).isEqualTo(at(11, 23, 15, 0));
        assertThat(alice.get("/app/conversations/" + id).body())
                .contains("Your care team will answer by Mon, Nov 23, 3:00 PM.");
    }

    @Test
    void urgentWordsBringGuidanceTheUrgentPriorityAndANoticeToWhoeverIsOnCall() {
        moveTo(at(11, 24, 11, 0));
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Since this morning", "I have had chest pain since 6 am and my arm feels odd");
        List<JsonNode> system = systemMessages(ALICE, id);
        assertThat(system).hasSize(1);
        assertThat(system.get(0).get("body").asString()).contains("call 911").contains("988");
        JsonNode conversation = api.get("/api/v1/conversations/" + id).token(demo.token(KIM)).send().json();
        assertThat(conversation.get("priority").asString()).isEqualTo("urgent");
        String kim = demo.me(KIM).get("id").asString();
        assertThat(jdbc.sql("select count(*) from notification where kind = 'URGENT' and conversation_id = :c and user_id = :u")
                .param("c", java.util.UUID.fromString(id)).param("u", java.util.UUID.fromString(kim)).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'urgent.detected' and target_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);

        String spanish = demo.startAsPatient(BOB, "Dr. Patel", "Ayuda", "No puedo respirar bien desde anoche");
        assertThat(systemMessages(BOB, spanish).get(0).get("body").asString()).contains("llame al 911");

        assertThat(demo.triage(KIM, id, Map.of("priority", "routine")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/conversations/" + id).token(demo.token(KIM)).send().json().get("priority").asString())
                .isEqualTo("routine");

        String calm = demo.startAsPatient(ALICE, "Dr. Patel", "Refill", "Could you refill my metformin, please?");
        assertThat(systemMessages(ALICE, calm)).isEmpty();
    }

    @Test
    void urgentWordsInTheSubjectOrARequestFieldAlsoBringGuidanceAndTheUrgentPriority() {
        moveTo(at(11, 24, 11, 0));
        String subject = demo.startAsPatient(ALICE, "Dr. Patel", "Chest pain", "Please call me back when you can.");
        assertThat(systemMessages(ALICE, subject)).hasSize(1);
        assertThat(systemMessages(ALICE, subject).get(0).get("body").asString()).contains("call 911").contains("988");
        assertThat(priority(subject)).isEqualTo("urgent");

        var refill = api.post("/api/v1/conversations").token(demo.token(BOB))
                .json(Map.of("careTeamId", demo.team(BOB, "Dr. Patel"), "kind", "refill", "body", "Thank you.",
                        "details", Map.of("medication", "nitroglycerin, me duele el pecho", "pharmacy", "Main St")))
                .send();
        assertThat(refill.status()).isEqualTo(201);
        String refillId = refill.json().get("id").asString();
        assertThat(systemMessages(BOB, refillId)).hasSize(1);
        assertThat(systemMessages(BOB, refillId).get(0).get("body").asString()).contains("llame al 911");
        assertThat(priority(refillId)).isEqualTo("urgent");
        // One read of the texts, audited once for the message.
        String first = null;
        for (JsonNode m : demo.messages(BOB, refillId)) {
            if (m.get("seq").asLong() == 1) {
                first = m.get("id").asString();
            }
        }
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'urgent.checked' and target_id = :id")
                .param("id", first).query(Long.class).single()).isEqualTo(1);

        // A reply's check reads its own body only: the subject of the conversation is not checked again.
        String calm = demo.startAsPatient(ALICE, "Dr. Patel", "Refill", "Could you refill my metformin, please?");
        assertThat(demo.send(ALICE, calm, "Thanks, the pharmacy is on Main St.").status()).isEqualTo(201);
        assertThat(systemMessages(ALICE, calm)).isEmpty();
        assertThat(priority(calm)).isEqualTo("routine");
    }

    private String priority(String conversation) {
        return api.get("/api/v1/conversations/" + conversation).token(demo.token(KIM)).send().json().get("priority")
                .asString();
    }
}
