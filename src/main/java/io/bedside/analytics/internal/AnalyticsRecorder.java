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
        record(e.practiceId(), e.conversationId(), e.careTeamId(), e.kind() == null ? "question" : e.kind(), false, 0);
    }

    /** A campaign's conversation: its first message is the campaign's, counted as staff's. */
    @Override
    public void campaignStarted(CampaignConversationStarted e) {
        record(e.practiceId(), e.conversationId(), e.careTeamId(), "campaign", true, 1);
    }

    private void record(PracticeId practice, ConversationId id, CareTeamId team, String kind, boolean campaign, int staffMessages) {
        Instant now = Timestamps.now(clock);
        OfficeHours hours = careTeams.officeHours(practice, team);
        ZonedDateTime local = now.atZone(hours.zone());
        rows.insertConversation(new AnalyticsRows.NewConversation(practice, id, team, kind, campaign, now,
                local.toLocalDate(), local.getDayOfWeek().getValue(), local.getHour(), !hours.isOpen(now),
                staffMessages));
    }

    @Override
    public void messageSent(MessageSent e) {
        if (e.internal() || SystemAuthor.is(e.authorId())) {
            return;
        }
        if (!rows.countMessage(e.conversationId(), e.fromPatient())) {
            return; // started before analytics kept figures
        }
        Instant now = Timestamps.now(clock);
        if (e.fromPatient()) {
            rows.waitState(e.conversationId()).filter(s -> s.openSeq() == null).ifPresent(s -> {
                OfficeHours hours = careTeams.officeHours(e.practiceId(), s.careTeamId());
                int promised = careTeams.findInPractice(e.practiceId(), s.careTeamId())
                        .map(CareTeam::expectedResponseHours).orElse(24);
                Instant due = hours.answerDue(now, new PromisedResponse(promised));
                rows.startWait(e.practiceId(), e.conversationId(), e.seq(), s.careTeamId(), s.kind(), s.waits() == 0,
                        now, now.atZone(hours.zone()).toLocalDate(), due);
            });
            return;
        }
        rows.openWait(e.conversationId()).ifPresent(w -> {
            OfficeHours hours = careTeams.officeHours(e.practiceId(), w.careTeamId());
            rows.answer(e.conversationId(), w.openSeq(), now, e.authorId(),
                    BusinessTime.seconds(hours, w.openSince(), now), Duration.between(w.openSince(), now).toSeconds(),
                    !now.isAfter(w.openDue()));
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
