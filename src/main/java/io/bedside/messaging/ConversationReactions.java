package io.bedside.messaging;

/**
 * What other modules do inside the transaction of a change to a conversation: record live events,
 * schedule notices, run the urgent and wait rules, count a campaign's funnel. Messaging calls every
 * implementation (a bean in the reacting module), in {@link org.springframework.core.annotation.Order}
 * order, before the change commits, so a reaction that fails rolls the change back and a rolled-back
 * change leaves no reaction behind. Messaging never imports the modules that react.
 *
 * <p>The records passed carry ids only, never a body, subject or name.
 */
public interface ConversationReactions {

    default void started(ConversationStarted event) {
    }

    default void campaignStarted(CampaignConversationStarted event) {
    }

    default void messageSent(MessageSent event) {
    }

    default void updated(ConversationUpdated event) {
    }

    default void readStateUpdated(ReadStateUpdated event) {
    }

    default void patientCalled(PatientCalled event) {
    }
}
