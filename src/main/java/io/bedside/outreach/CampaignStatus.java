package io.bedside.outreach;

import java.util.Locale;

/** Where a campaign stands: waiting for its time, sending, done, or stopped by staff. */
public enum CampaignStatus {
    SCHEDULED, SENDING, SENT, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isActive() {
        return this == SCHEDULED || this == SENDING;
    }
}
