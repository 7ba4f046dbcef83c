package io.bedside.analytics;

/**
 * The whole selection: conversations started, of them started outside office hours, that went
 * overdue, that were flagged urgent; messages by patients and by staff (internal notes and
 * Bedside's own messages not counted) in those conversations.
 */
public record VolumeTotals(long conversations, long afterHours, long overdue, long urgent, long patientMessages,
        long staffMessages) {

    public double afterHoursShare() {
        return conversations == 0 ? 0 : (double) afterHours / conversations;
    }

    public double messagesPerConversation() {
        return conversations == 0 ? 0 : (double) (patientMessages + staffMessages) / conversations;
    }
}
