package io.bedside.shared;

/** Checks a client's page size against a default and a maximum. */
public final class PageLimits {

    private PageLimits() {
    }

    public static int check(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + max + ".");
        }
        return requested;
    }
}
