package io.bedside.audit;

import java.util.Collection;
import java.util.Map;

import io.bedside.shared.Actor;

/**
 * The subjects of the conversations an access report names, for a reader allowed to see them
 * (a patient their own). The messaging module answers, through its own access rule and audit; the
 * audit module never reads another module's tables.
 */
public interface ConversationSubjects {

    /** Subject by conversation id, for the ids the reader may see; the others are left out. */
    Map<String, String> subjects(Actor reader, Collection<String> conversationIds);

    /** Subject by message id (the conversation each message is in), under the same rule. */
    Map<String, String> subjectsOfMessages(Actor reader, Collection<String> messageIds);

    /**
     * The conversation id each message is in, for conversations the reader may open (the others are
     * left out): a patient's report names the conversation a care team's internal note was written
     * in, never the note.
     */
    Map<String, String> conversationsOfMessages(Actor reader, Collection<String> messageIds);
}
