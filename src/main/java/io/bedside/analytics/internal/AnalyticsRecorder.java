package io.bedside.analytics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.bedside.messaging.CampaignConversationStarted;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.ConversationStarted;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.Priority;
import io.bedside.messaging.SystemAuthor;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.PromisedResponse;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;
import io.bedside.workflow.ConversationOverdue;

/**
 * Keeps the analytics tables as conversations change, in the transaction of the change: a row per
 * conversation (its day, weekday and hour on the practice's calendar, whether the team was closed,
 * message counts, overdue and urgent flags) and a row per wait (a patient wrote; the next reply by
 * a person on staff answers it, with its business and wall-clock time). One to three short
 * statements per change, ids and times only: no message is ever read.
 *
 * <p>Order 500, after workflow's reactions (400-420): it reads none of their state (the promise is
 * worked out here from the team's office hours, as workflow works it out), so the place only keeps
 * the urgent flag workflow sets during a patient's message recorded before that message is counted.
 */
@Component
@Order(500)
class AnalyticsRecorder implements ConversationReactions {

    private final AnalyticsRows rows;
    private final CareTeams careTeams;
    private final Clock clock;

    AnalyticsRecorder(AnalyticsRows rows, CareTeams careTeams, Clock clock) {
        this.rows = rows;
        this.careTeams = careTeams;
        this.clock = clock;
    }

    @Override
    public void started(ConversationStarted e) {
        recordStart(e.practiceId(), e.conversationId(), e.careTeamId(), e.kind() == null ? "question" : e.kind(), false, 0,
                Timestamps.now(clock));
    }

    /** A campaign's conversation: its first message is the campaign's, counted as staff's. */
    @Override
    public void campaignStarted(CampaignConversationStarted e) {
        recordStart(e.practiceId(), e.conversationId(), e.careTeamId(), "campaign", true, 1, Timestamps.now(clock));
    }

    /** A conversation begins at {@code at}: its row, placed on the practice's calendar and the team's hours. */
    void recordStart(PracticeId practice, ConversationId id, CareTeamId team, String kind, boolean campaign,
            int staffMessages, Instant at) {
        OfficeHours hours = careTeams.officeHours(practice, team);
        ZonedDateTime local = at.atZone(hours.zone());
        rows.insertConversation(new AnalyticsRows.NewConversation(practice, id, team, kind, campaign, at,
                local.toLocalDate(), local.getDayOfWeek().getValue(), local.getHour(), !hours.isOpen(at),
                staffMessages));
    }

    @Override
    public void messageSent(MessageSent e) {
        if (e.internal() || SystemAuthor.is(e.authorId())) {
            return;
        }
        recordMessage(e.practiceId(), e.conversationId(), e.seq(), e.authorId(), e.fromPatient(), Timestamps.now(clock));
    }

    /**
     * A person's message at {@code at}: counted; a patient's starts a wait when none is open, a staff
     * member's answers the open one.
     */
    void recordMessage(PracticeId practice, ConversationId conversation, long seq, UserId author, boolean fromPatient,
            Instant at) {
        if (!rows.countMessage(conversation, fromPatient)) {
            return; // started before analytics kept figures (the rebuild counts those)
        }
        if (fromPatient) {
            rows.waitState(conversation).filter(s -> s.openSeq() == null).ifPresent(s -> {
                OfficeHours hours = careTeams.officeHours(practice, s.careTeamId());
                int promised = careTeams.findInPractice(practice, s.careTeamId())
                        .map(CareTeam::expectedResponseHours).orElse(24);
                Instant due = hours.answerDue(at, new PromisedResponse(promised));
                rows.startWait(practice, conversation, seq, s.careTeamId(), s.kind(), s.waits() == 0,
                        at, at.atZone(hours.zone()).toLocalDate(), due);
            });
            return;
        }
        rows.openWait(conversation).ifPresent(w -> {
            OfficeHours hours = careTeams.officeHours(practice, w.careTeamId());
            rows.answer(conversation, w.openSeq(), at, author,
                    BusinessTime.seconds(hours, w.openSince(), at), Duration.between(w.openSince(), at).toSeconds(),
                    !at.isAfter(w.openDue()));
        });
    }

    @Override
    public void updated(ConversationUpdated e) {
        if (e.priority() == Priority.URGENT) {
            rows.flagUrgent(e.conversationId());
        }
        if (e.status() != ConversationStatus.OPEN) {
            rows.endUnanswered(e.conversationId(), Timestamps.now(clock));
        }
    }

    /** Workflow's once-per-wait notice that a wait went past its promise, in the same transaction. */
    @EventListener
    void on(ConversationOverdue e) {
        rows.flagOverdue(e.conversationId());
    }
}
