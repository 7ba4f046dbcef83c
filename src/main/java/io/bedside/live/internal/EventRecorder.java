package io.bedside.live.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bedside.messaging.CampaignConversationStarted;
import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.ConversationStarted;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.PatientCalled;
import io.bedside.messaging.ReadStateUpdated;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns messaging's events into changes for the live streams, written inside the transaction that
 * caused them (so a rolled-back send leaves none, and a committed one never loses its events).
 * Who hears of each change, and its number in their log, is settled by {@link EventFanOut} once the
 * transaction commits: a send writes one row here and locks nothing a send to another
 * conversation needs. Recipients follow the rules for reading: the care team's members and the
 * patient; internal notes reach staff only.
 *
 * <p>First of messaging's reactions (order 100): the stream hears of the change itself before any
 * later reaction makes changes of its own (workflow's emergency guidance, after-hours reply and
 * urgent priority), whose events are then recorded after it, in the order they happened.
 */
@Component
@Order(100)
class EventRecorder implements ConversationReactions {

    private final LiveOutboxRows outbox;
    private final EventFanOut fanOut;
    private final JsonMapper json;

    EventRecorder(LiveOutboxRows outbox, EventFanOut fanOut, JsonMapper json) {
        this.outbox = outbox;
        this.fanOut = fanOut;
        this.json = json;
    }

    @Override
    public void started(ConversationStarted e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("careTeamId", e.careTeamId().toString());
        stage(change(e.practiceId(), e.careTeamId(), e.patientId(), e.startedBy(), true, true,
                "conversation.created", data));
    }

    /** Only the patient's own devices hear of a campaign's message: staff would get thousands. */
    @Override
    public void campaignStarted(CampaignConversationStarted e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("careTeamId", e.careTeamId().toString());
        stage(change(e.practiceId(), e.careTeamId(), e.patientId(), null, false, true, "conversation.created", data));
    }

    @Override
    public void messageSent(MessageSent e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("messageId", e.messageId().toString());
        data.put("seq", e.seq());
        data.put("internal", e.internal());
        stage(change(e.practiceId(), e.careTeamId(), e.patientId(), e.authorId(), true, !e.internal(),
                "message.created", data));
    }

    @Override
    public void updated(ConversationUpdated e) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("status", e.status().code());
        data.put("priority", e.priority().code());
        data.put("assigneeId", e.assigneeId() == null ? null : e.assigneeId().toString());
        stage(change(e.practiceId(), e.careTeamId(), e.patientId(), null, true, true, "conversation.updated", data));
    }

    /** The care team's open pages show the call; the patient's never hear of it. */
    @Override
    public void patientCalled(PatientCalled e) {
        stage(change(e.practiceId(), e.careTeamId(), e.patientId(), e.callerId(), true, false, "call.recorded",
                data(e.conversationId().value())));
    }

    @Override
    public void readStateUpdated(ReadStateUpdated e) {
        List<LiveOutboxRows.Change> changes = new ArrayList<>();
        changes.add(change(e.practiceId(), e.careTeamId(), e.patientId(), e.userId(), true, false, "read.updated",
                readData(e, e.seq())));
        if (e.patientVisibleSeq() > 0) {
            // The patient learns how far someone read, but never of internal notes past their last message.
            changes.add(change(e.practiceId(), e.careTeamId(), e.patientId(), e.userId(), false, true,
                    "read.updated", readData(e, e.patientVisibleSeq())));
        }
        stage(changes);
    }

    private Map<String, Object> readData(ReadStateUpdated e, long seq) {
        Map<String, Object> data = data(e.conversationId().value());
        data.put("userId", e.userId().toString());
        data.put("seq", seq);
        return data;
    }

    private LiveOutboxRows.Change change(PracticeId practice, CareTeamId team, PatientId patient, UserId actor,
            boolean toStaff, boolean toPatient, String type, Map<String, Object> data) {
        return new LiveOutboxRows.Change(0, practice.value(), team.value(), patient.value(),
                actor == null ? null : actor.value(), toStaff, toPatient, type, json.writeValueAsString(data));
    }

    private void stage(LiveOutboxRows.Change change) {
        stage(List.of(change));
    }

    private void stage(List<LiveOutboxRows.Change> changes) {
        outbox.stage(changes);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            fanOut.wake();
            return;
        }
        // One doorbell per transaction, however many changes it staged.
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EventRecorder.this);
                if (status == STATUS_COMMITTED) {
                    fanOut.wake();
                }
            }
        });
    }

    private static Map<String, Object> data(UUID conversation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", conversation.toString());
        return data;
    }
}
