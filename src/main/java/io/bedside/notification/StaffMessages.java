package io.bedside.notification;

import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/**
 * Which new patient messages a member of staff hears of: {@code ALL}, every one in their teams;
 * {@code MINE} (the default), those in conversations naming them as provider or assigned to
 * them, and those in unassigned conversations of a team while they are on call (its lead when
 * nobody is); {@code NONE}. Urgent and overdue notices are apart from this choice.
 */
public enum StaffMessages {
    ALL, MINE, NONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StaffMessages fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("staffMessages", "staffMessages must be one of: all, mine, none.");
        }
    }

    /**
     * Whether a member of staff with this choice hears of a patient's new message.
     *
     * @param inTeam whether they belong to the conversation's team
     * @param mine   whether the conversation names them, is assigned to them, or is unassigned while they are on call
     */
    public boolean wants(boolean inTeam, boolean mine) {
        return switch (this) {
            case ALL -> inTeam || mine;
            case MINE -> mine;
            case NONE -> false;
        };
    }
}
