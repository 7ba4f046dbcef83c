package io.bedside.live.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bedside.identity.Accounts;
import io.bedside.messaging.CampaignConversationStarted;
import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.ConversationStarted;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.PatientCalled;
import io.bedside.messaging.ReadStateUpdated;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.StaffMember;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns messaging's events into entries of each recipient's event log, inside the transaction
 * that caused them (so a rolled-back send leaves no event), and rings the broker's doorbell only
 * after that transaction commits. Recipients follow the rules for reading: the care team's
 * members and the patient; internal notes reach staff only.
 *
 * <p>First of messaging's reactions (order 100): the stream hears of the change itself before any
 * later reaction makes changes of its own (workflow's emergency guidance, after-hours reply and
 * urgent priority), whose events are then recorded after it, in the order they happened.
 */
@Component
@Order(100)
class EventRecorder implements ConversationReactions {

    private final LiveEventRows eventLog;
    private final LiveBroker broker;
    private final CareTeams careTeams;
    private final Accounts accounts;
    private final JsonMapper json;

    EventRecorder(LiveEventRows eventLog, LiveBroker broker, CareTeams careTeams, Accounts accounts, JsonMapper json) {
        this.eventLog = eventLog;
        this.broker = broker;
        this.careTeams = careTeams;
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    public void started(ConversationStarted e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("careTeamId", e.careTeamId().toString());
        record(e.practiceId(), recipients(e.practiceId(), e.careTeamId(), e.patientId(), e.startedBy(), true),
                "conversation.created", data);
    }

    /** Only the patient's own devices hear of a campaign's message: staff would get thousands. */
    @Override
    public void campaignStarted(CampaignConversationStarted e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("careTeamId", e.careTeamId().toString());
        accounts.patientAccount(e.practiceId(), e.patientId()).ifPresent(patient ->
                append(e.practiceId(), List.of(pending(patient.value(), "conversation.created", data))));
    }

    @Override
    public void messageSent(MessageSent e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("messageId", e.messageId().toString());
        data.put("seq", e.seq());
        data.put("internal", e.internal());
        record(e.practiceId(), recipients(e.practiceId(), e.careTeamId(), e.patientId(), e.authorId(), !e.internal()),
                "message.created", data);
    }

    @Override
    public void updated(ConversationUpdated e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("status", e.status().code());
        data.put("priority", e.priority().code());
        data.put("assigneeId", e.assigneeId() == null ? null : e.assigneeId().toString());
        record(e.practiceId(), recipients(e.practiceId(), e.careTeamId(), e.patientId(), null, true),
                "conversation.updated", data);
    }

    /** The care team's open pages show the call; the patient's never hear of it. */
    @Override
    public void patientCalled(PatientCalled e) {
        record(e.practiceId(), recipients(e.practiceId(), e.careTeamId(), e.patientId(), e.callerId(), false),
                "call.recorded", data(e.conversationId().value()));
    }

    @Override
    public void readStateUpdated(ReadStateUpdated e) {
        Recipients to = recipients(e.practiceId(), e.careTeamId(), e.patientId(), e.userId(), true);
        List<LiveEventRows.Pending> pending = new ArrayList<>();
        for (UUID user : to.staff()) {
            pending.add(pending(user, "read.updated", readData(e, e.seq())));
        }
        if (to.patient() != null && e.patientVisibleSeq() > 0) {
            // The patient learns how far someone read, but never of internal notes past their last message.
            pending.add(pending(to.patient(), "read.updated", readData(e, e.patientVisibleSeq())));
        }
        append(e.practiceId(), pending);
    }

    private Map<String, Object> readData(ReadStateUpdated e, long seq) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("userId", e.userId().toString());
        data.put("seq", seq);
        return data;
    }

    /** Staff to notify, and the patient's account when the patient may see the event. */
    private record Recipients(Set<UUID> staff, UUID patient) {
    }

    private Recipients recipients(PracticeId practice, CareTeamId team, PatientId patient, UserId actor,
            boolean patientMaySee) {
        Set<UUID> staff = new LinkedHashSet<>();
        careTeams.findInPractice(practice, team).map(CareTeam::members).orElse(List.of()).stream()
                .map(StaffMember::id).forEach(id -> staff.add(id.value()));
        UUID patientAccount = accounts.patientAccount(practice, patient).map(UserId::value).orElse(null);
        if (actor != null && !actor.value().equals(patientAccount)) {
            // A member of staff outside the team who acts on the conversation sees it on their other devices.
            staff.add(actor.value());
        }
        return new Recipients(staff, patientMaySee ? patientAccount : null);
    }

    private void record(PracticeId practice, Recipients to, String type, Map<String, Object> data) {
        List<LiveEventRows.Pending> pending = new ArrayList<>();
        to.staff().forEach(user -> pending.add(pending(user, type, data)));
        if (to.patient() != null) {
            pending.add(pending(to.patient(), type, data));
        }
        append(practice, pending);
    }

    private LiveEventRows.Pending pending(UUID user, String type, Map<String, Object> data) {
        return new LiveEventRows.Pending(user, type, json.writeValueAsString(data));
    }

    private void append(PracticeId practice, List<LiveEventRows.Pending> pending) {
        List<LiveEvent> events = eventLog.append(practice, pending);
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    broker.publish(events);
                }
            });
        } else {
            broker.publish(events);
        }
    }

    private static Map<String, Object> data(UUID conversation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", conversation.toString());
        return data;
    }
}
