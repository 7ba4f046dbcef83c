package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.CAROL;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.internal.ConversationKind;
import io.bedside.messaging.internal.ConversationLists;
import io.bedside.messaging.internal.ConversationReads;
import io.bedside.messaging.internal.ConversationView;
import io.bedside.messaging.internal.InboxFilter;
import io.bedside.messaging.internal.InboxPage;
import io.bedside.messaging.internal.InboxPreview;
import io.bedside.messaging.internal.InboxQuery;
import io.bedside.messaging.internal.MessageView;
import io.bedside.messaging.internal.ReadReceipts;
import io.bedside.patient.NewPatient;
import io.bedside.patient.Patient;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.Patients;
import io.bedside.patient.Sex;
import io.bedside.shared.Actor;
import io.bedside.shared.NotFoundException;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/** The care team's shared inbox: its views, their counts, the order, the pages; and finding a patient. */
@BothDatabases
class InboxIntegrationTests extends ApplicationTest {

    @Autowired
    ConversationLists lists;

    @Autowired
    ConversationReads reads;

    @Autowired
    ReadReceipts receipts;

    @Autowired
    PatientDirectory directory;

    @Autowired
    Patients patients;

    private List<String> ids(Actor reader, InboxFilter filter) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            InboxPage page = lists.inbox(reader, new InboxQuery(null, filter, null, cursor, 50));
            page.items().forEach(c -> all.add(c.id().toString()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Test
    void mostUrgentFirstThenLongestWaiting() {
        String first = demo.startAsPatient(ALICE, "Dr. Patel", "Inbox order one", "Oldest");
        String second = demo.startAsPatient(BOB, "Dr. Patel", "Inbox order two", "Middle");
        String third = demo.startAsPatient(ALICE, "Dr. Patel", "Inbox order three", "Newest");
        assertThat(demo.triage(PATEL, third, Map.of("priority", "urgent")).status()).isEqualTo(200);
        assertThat(demo.triage(PATEL, second, Map.of("priority", "high")).status()).isEqualTo(200);

        List<String> open = ids(demo.actor(KIM), InboxFilter.OPEN);
        assertThat(open.stream().filter(List.of(first, second, third)::contains).toList())
                .containsExactly(third, second, first);
        InboxPage top = lists.inbox(demo.actor(KIM), new InboxQuery(null, InboxFilter.OPEN, null, null, 1));
        assertThat(top.items().get(0).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void eachViewHoldsWhatItsNameSaysWithItsCount() {
        Actor kim = demo.actor(KIM);
        InboxPage before = lists.inbox(kim, new InboxQuery(null, InboxFilter.OPEN, null, null, 5));
        String mine = demo.startAsPatient(ALICE, "Dr. Patel", "Views mine", "a");
        String urgent = demo.startAsPatient(ALICE, "Dr. Patel", "Views urgent", "b");
        String waiting = demo.startAsPatient(BOB, "Dr. Patel", "Views waiting", "c");
        String closed = demo.startAsPatient(BOB, "Dr. Patel", "Views closed", "d");
        demo.triage(PATEL, mine, Map.of("assigneeId", kim.userId().toString()));
        demo.triage(PATEL, urgent, Map.of("priority", "urgent"));
        demo.triage(PATEL, waiting, Map.of("status", "waiting_on_patient"));
        demo.triage(PATEL, closed, Map.of("status", "closed"));

        assertThat(ids(kim, InboxFilter.OPEN)).contains(mine, urgent).doesNotContain(waiting, closed);
        assertThat(ids(kim, InboxFilter.MINE)).contains(mine).doesNotContain(urgent, waiting, closed);
        assertThat(ids(kim, InboxFilter.UNASSIGNED)).contains(urgent, waiting).doesNotContain(mine, closed);
        assertThat(ids(kim, InboxFilter.URGENT)).contains(urgent).doesNotContain(mine, waiting, closed);
        assertThat(ids(kim, InboxFilter.WAITING)).contains(waiting).doesNotContain(mine, urgent, closed);
        assertThat(ids(kim, InboxFilter.CLOSED)).contains(closed).doesNotContain(mine, urgent, waiting);
        assertThat(ids(kim, InboxFilter.ALL)).contains(mine, urgent, waiting, closed);

        InboxPage after = lists.inbox(kim, new InboxQuery(null, InboxFilter.OPEN, null, null, 5));
        assertThat(after.count(InboxFilter.OPEN) - before.count(InboxFilter.OPEN)).isEqualTo(2);
        assertThat(after.count(InboxFilter.WAITING) - before.count(InboxFilter.WAITING)).isEqualTo(1);
        assertThat(after.count(InboxFilter.CLOSED) - before.count(InboxFilter.CLOSED)).isEqualTo(1);
        assertThat(after.count(InboxFilter.ALL) - before.count(InboxFilter.ALL)).isEqualTo(4);
        for (InboxFilter view : InboxFilter.values()) {
            assertThat(after.count(view)).as(view.code()).isEqualTo(ids(kim, view).size());
        }
    }

    @Test
    void aKindNarrowsEveryView() {
        String question = demo.startAsPatient(ALICE, "Dr. Patel", "Kind question", "A question");
        var refill = api.post("/api/v1/conversations").token(demo.token(ALICE)).json(Map.of(
                "careTeamId", demo.team(ALICE, "Dr. Patel"), "subject", "Kind refill", "body", "Refill please",
                "kind", "refill", "details", Map.of("medication", "Metformin"))).send();
        String refillId = refill.json().get("id").asString();
        InboxPage refills = lists.inbox(demo.actor(KIM),
                new InboxQuery(null, InboxFilter.ALL, ConversationKind.REFILL, null, 100));
        assertThat(refills.items()).allMatch(c -> c.kind() == ConversationKind.REFILL);
        assertThat(refills.items().stream().map(c -> c.id().toString())).contains(refillId).doesNotContain(question);
        assertThat(refills.count(InboxFilter.ALL)).isEqualTo(refills.items().size());
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatsOrGaps() {
        Set<String> started = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            started.add(demo.startAsPatient(i % 2 == 0 ? ALICE : BOB, "Dr. Patel", "Paging " + i, "p"));
        }
        demo.triage(PATEL, started.iterator().next(), Map.of("priority", "high"));
        Actor kim = demo.actor(KIM);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            InboxPage page = lists.inbox(kim, new InboxQuery(null, InboxFilter.ALL, null, cursor, 3));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(c -> paged.add(c.id().toString()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(paged).doesNotHaveDuplicates().containsAll(started);
        assertThat(paged).isEqualTo(ids(kim, InboxFilter.ALL));
        assertThatThrownBy(() -> lists.inbox(kim, new InboxQuery(null, InboxFilter.ALL, null, "9.bogus", 3)))
                .isInstanceOf(io.bedside.shared.InvalidRequestException.class);
    }

    @Test
    void unreadFollowsEachReadersOwnReadState() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Unread view", "New for everyone");
        Actor kim = demo.actor(KIM);
        assertThat(ids(kim, InboxFilter.UNREAD)).contains(id);
        receipts.markRead(kim, ConversationId.parse(id), 1);
        assertThat(ids(kim, InboxFilter.UNREAD)).doesNotContain(id);
        assertThat(ids(demo.actor(PATEL), InboxFilter.UNREAD)).contains(id);
    }

    @Test
    void automatedMessagesAreNotNewsToTheCareTeam() {
        // Urgent words bring Bedside's automatic guidance right after the patient's message.
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Automatic reply not new",
                "I have had chest pain since this morning");
        Actor kim = demo.actor(KIM);
        ConversationId conversation = ConversationId.parse(id);
        List<MessageView> all = reads.messages(kim, conversation, 0, 10);
        assertThat(all.get(0).author().role()).isEqualTo("patient");
        assertThat(all.subList(1, all.size())).isNotEmpty().allMatch(m -> m.author().role().equals("system"));

        ConversationView row = lists.inbox(kim, new InboxQuery(null, InboxFilter.ALL, null, null, 500))
                .items().stream().filter(c -> c.id().equals(conversation)).findFirst().orElseThrow();
        assertThat(row.unreadCount()).isEqualTo(1);
        assertThat(reads.get(kim, conversation).conversation().unreadCount()).isEqualTo(1);

        // Read up to the patient's message: the automatic reply after it leaves nothing new.
        receipts.markRead(kim, conversation, 1);
        assertThat(ids(kim, InboxFilter.UNREAD)).doesNotContain(id);
        assertThat(reads.get(kim, conversation).conversation().unreadCount()).isZero();
        // The patient is told of the automatic reply: it is written to them.
        assertThat(reads.get(demo.actor(ALICE), conversation).conversation().unreadCount())
                .isEqualTo(all.size() - 1);
    }

    @Test
    void previewsShowTheLatestWrittenMessageToStaffOnlyAndAreAuditedPerPatient() {
        String id = demo.startAsPatient(ALICE, "Dr. Patel", "Preview audited",
                "I have had chest pain since this morning");
        Actor kim = demo.actor(KIM);
        ConversationId conversation = ConversationId.parse(id);
        List<ConversationView> shown = lists.inbox(kim, new InboxQuery(null, InboxFilter.ALL, null, null, 500))
                .items().stream().filter(c -> c.id().equals(conversation)).toList();
        Map<ConversationId, InboxPreview> previews = lists.inboxPreviews(kim, shown);
        // The patient's words, not Bedside's automatic guidance that came after them.
        assertThat(previews.get(conversation).text()).isEqualTo("I have had chest pain since this morning");
        assertThat(previews.get(conversation).byPatient()).isTrue();
        assertThat(previews.get(conversation).toString()).doesNotContain("chest");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'conversation.previewed' and target_id = :id
                   and patient_id = :patient""")
                .param("id", id).param("patient", java.util.UUID.fromString(demo.me(ALICE).get("patientId").asString()))
                .query(Long.class).single()).isEqualTo(1);
        demo.note(KIM, id, "Called her back, resting now.");
        previews = lists.inboxPreviews(kim, shown);
        assertThat(previews.get(conversation).internal()).isTrue();
        assertThat(previews.get(conversation).text()).isEqualTo("Called her back, resting now.");
        assertThatThrownBy(() -> lists.inboxPreviews(demo.actor(ALICE), shown))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void patientsHaveNoInboxAndAnotherPracticesTeamIsNotFound() {
        assertThatThrownBy(() -> lists.inbox(demo.actor(ALICE),
                new InboxQuery(null, InboxFilter.OPEN, null, null, 10))).isInstanceOf(NotFoundException.class);
        var riversideTeam = io.bedside.shared.CareTeamId.parse(demo.team(ALICE, "Dr. Patel"));
        assertThatThrownBy(() -> lists.inbox(demo.actor(LEE),
                new InboxQuery(riversideTeam, InboxFilter.OPEN, null, null, 10))).isInstanceOf(NotFoundException.class);
        String riverside = demo.startAsPatient(ALICE, "Dr. Patel", "Never in Lakeside", "x");
        assertThat(ids(demo.actor(LEE), InboxFilter.ALL)).doesNotContain(riverside);
    }

    @Test
    void staffFindPatientsOfTheirPracticeByNameOrDateOfBirth() {
        Actor kim = demo.actor(KIM);
        patients.register(kim.practiceId(), new NewPatient(null, "Ximena", "Núñez-Quiroga", LocalDate.of(1972, 1, 30),
                Sex.MALE, null, null, "es"));
        assertThat(names(directory.search(kim, "walk"))).contains("Alice Walker");
        assertThat(names(directory.search(kim, "ALI wal"))).containsExactly("Alice Walker");
        assertThat(names(directory.search(kim, "1985-03-14"))).containsExactly("Alice Walker");
        assertThat(names(directory.search(kim, "03/14/1985 walker"))).containsExactly("Alice Walker");
        assertThat(names(directory.search(kim, "nunez quir"))).containsExactly("Ximena Núñez-Quiroga");
        assertThat(names(directory.search(kim, "quiroga ximena"))).containsExactly("Ximena Núñez-Quiroga");
        assertThat(directory.search(kim, "carol")).isEmpty();
        assertThat(directory.search(demo.actor(LEE), "walker")).isEmpty();
        assertThat(names(directory.search(demo.actor(LEE), "nguyen"))).containsExactly("Carol Nguyen", "Leo Nguyen");
        assertThat(names(directory.search(demo.actor(LEE), "carol nguyen"))).containsExactly("Carol Nguyen");
        assertThat(directory.search(kim, "100%_")).isEmpty();
        assertThatThrownBy(() -> directory.search(demo.actor(ALICE), "walker")).isInstanceOf(NotFoundException.class);

        long searches = jdbc.sql("select count(*) from audit_event where action = 'patients.searched' and actor_id = :kim")
                .param("kim", kim.userId().value()).query(Long.class).single();
        assertThat(searches).isGreaterThanOrEqualTo(7);
        // The words searched for are not kept. (Only the searches' rows: a random id elsewhere may hold "1985".)
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'patients.searched'"
                + " and (target_id like '%walk%' or target_id like '%1985%')").query(Long.class).single()).isZero();
    }

    @Test
    void staffSeeEveryConversationOfAPatientOfTheirPracticeOnly() {
        String one = demo.startAsPatient(ALICE, "Dr. Patel", "Patient page one", "1");
        String two = demo.startAsPatient(ALICE, "Billing", "Patient page two", "2");
        Actor kim = demo.actor(KIM);
        var alice = demo.actor(ALICE).patientId();
        assertThat(lists.ofPatient(kim, alice).stream().map(c -> c.id().toString())).contains(one, two);
        assertThat(directory.patient(kim, alice).givenName()).isEqualTo("Alice");
        assertThatThrownBy(() -> lists.ofPatient(demo.actor(LEE), alice)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> directory.patient(demo.actor(LEE), alice)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> directory.patient(demo.actor(CAROL), alice)).isInstanceOf(NotFoundException.class);
    }

    private static List<String> names(List<Patient> found) {
        return found.stream().map(Patient::displayName).toList();
    }
}
