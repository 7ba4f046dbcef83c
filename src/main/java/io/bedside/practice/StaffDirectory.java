package io.bedside.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** Who works at each practice, and in which role. */
@Service
public class StaffDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public StaffMember add(UserId id, PracticeId practice, String displayName, StaffRole role, String title) {
        jdbc.sql("""
                insert into staff (id, practice_id, display_name, role, title, active, created_at)
                values (:id, :practice, :name, :role, :title, true, :now)""")
                .param("id", id.value())
                .param("practice", practice.value())
                .param("name", displayName)
                .param("role", role.code())
                .param("title", title)
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
        return new StaffMember(id, practice, displayName, role, title, true);
    }

    /** A member of staff of the given practice; another practice's staff is not found. */
    public Optional<StaffMember> find(PracticeId practice, UserId id) {
        return jdbc.sql("select * from staff where id = :id and practice_id = :practice")
                .param("id", id.value())
                .param("practice", practice.value())
                .query(StaffDirectory::map)
                .optional();
    }

    /** The named members of staff of one practice, by id; ids of other practices are left out. */
    public java.util.Map<UserId, StaffMember> findAll(PracticeId practice, java.util.Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("select * from staff where practice_id = :practice and id in (:ids)")
                .param("practice", practice.value())
                .param("ids", ids.stream().map(UserId::value).distinct().toList())
                .query(StaffDirectory::map)
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(StaffMember::id, m -> m));
    }

    /** Everyone on the practice's staff, active or not, by name. */
    public java.util.List<StaffMember> all(PracticeId practice) {
        return jdbc.sql("select * from staff where practice_id = :practice order by active desc, display_name")
                .param("practice", practice.value())
                .query(StaffDirectory::map).list();
    }

    /** Marks a member of staff as working here or not; one of another practice is not found. */
    @Transactional
    public void setActive(PracticeId practice, UserId id, boolean active) {
        int changed = jdbc.sql("update staff set active = :active where id = :id and practice_id = :practice")
                .param("active", active).param("id", id.value()).param("practice", practice.value()).update();
        if (changed != 1) {
            throw new io.bedside.shared.NotFoundException("No such member of staff.");
        }
    }

    static StaffMember map(ResultSet rs, int row) throws SQLException {
        return new StaffMember(UserId.of(rs.getObject("id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)), rs.getString("display_name"),
                StaffRole.fromCode(rs.getString("role")), rs.getString("title"), rs.getBoolean("active"));
    }
}
