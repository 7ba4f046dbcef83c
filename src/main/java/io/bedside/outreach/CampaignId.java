package io.bedside.outreach;

import java.util.Objects;
import java.util.UUID;

import io.bedside.shared.Ids;
import io.bedside.shared.TypedId;

/** The id of an outreach campaign. */
public record CampaignId(UUID value) implements TypedId {

    public CampaignId {
        Objects.requireNonNull(value, "value");
    }

    public static CampaignId of(UUID value) {
        return new CampaignId(value);
    }

    /** A malformed id names nothing: answered as not found. */
    public static CampaignId parse(String text) {
        return new CampaignId(Ids.parse(text));
    }

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
