package io.bedside.analytics;

import java.util.List;
import java.util.Map;

import io.bedside.shared.Actor;

/**
 * The practice's figures. A practice admin sees the whole practice; a member of staff who leads a
 * team sees the teams they lead; anyone else is refused ({@code ForbiddenException}). A team of
 * another practice, or one the reader may not see, is answered as missing ({@code NotFoundException}).
 * A range that ends before it starts, or spans more than 366 days, is refused as invalid.
 */
public interface PracticeAnalytics {

    /** The teams the reader may choose between; empty when they may not read analytics at all. */
    List<TeamChoice> teams(Actor reader);

    ResponseTimes responseTimes(Actor reader, AnalyticsQuery query, ResponseGrouping groupBy);

    Volume volume(Actor reader, AnalyticsQuery query, VolumeGrouping groupBy);

    /** The volume by every grouping at once (what a page showing all three asks: one read, not three). */
    Map<VolumeGrouping, Volume> volumes(Actor reader, AnalyticsQuery query);

    /** Campaigns started in the range, newest first (whole practice; a team filter is ignored). */
    List<CampaignOutcome> campaigns(Actor reader, AnalyticsQuery query);
}
