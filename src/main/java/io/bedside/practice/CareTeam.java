package io.bedside.practice;

import java.util.List;

import io.bedside.shared.CareTeamId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A group of staff with a shared inbox. Patients write to a care team, optionally naming one of
 * its members.
 *
 * @param expectedResponseHours what the team promises patients, in business hours
 * @param handlesBilling whether patients' billing requests go to this team (set by the practice admin)
 */
public record CareTeam(CareTeamId id, PracticeId practiceId, String name, String description,
        int expectedResponseHours, List<StaffMember> members, boolean handlesBilling) {

    public CareTeam {
        members = List.copyOf(members);
    }

    public CareTeam(CareTeamId id, PracticeId practiceId, String name, String description,
            int expectedResponseHours, List<StaffMember> members) {
        this(id, practiceId, name, description, expectedResponseHours, members, false);
    }

    public boolean hasMember(UserId staff) {
        return members.stream().anyMatch(m -> m.id().equals(staff));
    }
}
