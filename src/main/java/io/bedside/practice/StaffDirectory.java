package io.bedside.practice;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;

/** Who works at each practice, and in which role. */
@Service
public class StaffDirectory {

    private final StaffRows rows;
    private final Clock clock;
    private final TransactionMemo memo;

    StaffDirectory(StaffRows rows, Clock clock, TransactionMemo memo) {
        this.rows = rows;
        this.clock = clock;
        this.memo = memo;
    }

    @Transactional
    public StaffMember add(UserId id, PracticeId practice, String displayName, StaffRole role, String title) {
        memo.forget();
        StaffMember member = new StaffMember(id, practice, displayName, role, title, true);
        rows.insert(member, clock.instant());
        return member;
    }

    /** A member of staff of the given practice; another practice's staff is not found. */
    public Optional<StaffMember> find(PracticeId practice, UserId id) {
        return rows.find(practice, id);
    }

    /** The named members of staff of one practice, by id; ids of other practices are left out. */
    public Map<UserId, StaffMember> findAll(PracticeId practice, Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return rows.findAll(practice, ids).stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
    }

    /** Everyone on the practice's staff, active or not, by name. */
    public List<StaffMember> all(PracticeId practice) {
        return rows.all(practice);
    }

    /** Marks a member of staff as working here or not; one of another practice is not found. */
    @Transactional
    public void setActive(PracticeId practice, UserId id, boolean active) {
        memo.forget();
        if (!rows.setActive(practice, id, active)) {
            throw new NotFoundException("No such member of staff.");
        }
    }
}
