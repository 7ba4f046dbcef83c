package io.bedside.outreach;

/**
 * How far a campaign got: patients selected, messages sent, read by the patient, answered by the
 * patient, and patients who opted out of campaigns from it.
 */
public record Funnel(long targeted, long sent, long read, long replied, long optedOut) {

    /** A share of the targeted patients, in whole percent, for the funnel's bars. */
    public int percent(long n) {
        return targeted == 0 ? 0 : (int) Math.round(100.0 * n / targeted);
    }
}
