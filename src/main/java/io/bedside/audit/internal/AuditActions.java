package io.bedside.audit.internal;

import java.util.Map;

/** Plain words for each action, for people reading an access report. */
final class AuditActions {

    /** Writing an internal note; shown to the patient only as {@link #WORKED_ON}. */
    static final String INTERNAL_NOTE = "note.added";
    static final String WORKED_ON = "conversation.worked_on";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(WORKED_ON, "worked on the conversation"),
            Map.entry("conversation.created", "started a conversation"),
            Map.entry("conversation.viewed", "opened a conversation"),
            Map.entry("conversations.listed", "looked at the list of conversations"),
            Map.entry("messages.read", "read the messages of a conversation"),
            Map.entry("message.sent", "sent a message"),
            Map.entry("note.added", "added an internal note"),
            Map.entry("read.marked", "marked messages as read"),
            Map.entry("conversation.updated", "changed the status, priority or assignee of a conversation"),
            Map.entry("attachment.downloaded", "downloaded a file"),
            Map.entry("conversation.exported", "downloaded a conversation as a PDF"),
            Map.entry("inbox.listed", "looked at a care team's inbox"),
            Map.entry("patients.searched", "searched the patient list"),
            Map.entry("patient.searched", "saw the patient's name and date of birth in a search of the patient list"),
            Map.entry("patient.viewed", "looked at the patient's page"),
            Map.entry("audit.viewed", "looked at the access report"),
            Map.entry("audit.verified", "checked the audit trail for tampering"),
            Map.entry("staff.invited", "invited a member of staff"),
            Map.entry("staff.disabled", "disabled a member of staff"),
            Map.entry("staff.enabled", "enabled a member of staff again"),
            Map.entry("team.changed", "changed a care team"),
            Map.entry("template.changed", "changed a quick-reply template"),
            Map.entry("profile.changed", "changed their mobile number or language"),
            Map.entry("email.change-requested", "asked to change their email address"),
            Map.entry("email.changed", "confirmed a new email address"),
            Map.entry("patient.account-closed", "closed the patient's account"),
            Map.entry("patient.account-reopened", "reopened the patient's account"));

    private AuditActions() {
    }

    static String describe(String action, boolean allowed) {
        String words = DESCRIPTIONS.getOrDefault(action, action);
        return allowed ? words : "tried, and was refused: " + words;
    }
}
