package io.bedside.messaging.internal;

import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.bedside.messaging.CampaignConversationStarted;
import io.bedside.messaging.ConversationReactions;
import io.bedside.messaging.ConversationStarted;
import io.bedside.messaging.ConversationUpdated;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.PatientCalled;
import io.bedside.messaging.ReadStateUpdated;

/**
 * Calls every {@link ConversationReactions} in order, in the caller's transaction. The list is read
 * lazily: the reacting modules' beans depend on messaging, so they cannot be injected into it.
 */
@Component
public class Reactions {

    private final ObjectProvider<ConversationReactions> reactions;
    private final ApplicationEventPublisher events;

    Reactions(ObjectProvider<ConversationReactions> reactions, ApplicationEventPublisher events) {
        this.reactions = reactions;
        this.events = events;
    }

    public void started(ConversationStarted event) {
        each(r -> r.started(event));
        events.publishEvent(event); // bridge: removed at merge
    }

    public void campaignStarted(CampaignConversationStarted event) {
        each(r -> r.campaignStarted(event));
        events.publishEvent(event); // bridge: removed at merge
    }

    public void messageSent(MessageSent event) {
        each(r -> r.messageSent(event));
        events.publishEvent(event); // bridge: removed at merge
    }

    public void updated(ConversationUpdated event) {
        each(r -> r.updated(event));
        events.publishEvent(event); // bridge: removed at merge
    }

    public void readStateUpdated(ReadStateUpdated event) {
        each(r -> r.readStateUpdated(event));
        events.publishEvent(event); // bridge: removed at merge
    }

    public void patientCalled(PatientCalled event) {
        each(r -> r.patientCalled(event));
        events.publishEvent(event); // bridge: removed at merge
    }

    private void each(Consumer<ConversationReactions> call) {
        reactions.orderedStream().forEach(call);
    }
}
