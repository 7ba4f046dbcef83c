package io.bedside.messaging.internal;

import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
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

    Reactions(ObjectProvider<ConversationReactions> reactions) {
        this.reactions = reactions;
    }

    public void started(ConversationStarted event) {
        each(r -> r.started(event));
    }

    public void campaignStarted(CampaignConversationStarted event) {
        each(r -> r.campaignStarted(event));
    }

    public void messageSent(MessageSent event) {
        each(r -> r.messageSent(event));
    }

    public void updated(ConversationUpdated event) {
        each(r -> r.updated(event));
    }

    public void readStateUpdated(ReadStateUpdated event) {
        each(r -> r.readStateUpdated(event));
    }

    public void patientCalled(PatientCalled event) {
        each(r -> r.patientCalled(event));
    }

    private void each(Consumer<ConversationReactions> call) {
        reactions.orderedStream().forEach(call);
    }
}
