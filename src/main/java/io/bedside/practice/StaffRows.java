package io.bedside.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The members of staff of each practice ({@code staff}). */
@Repository
class StaffRows {

    private final JdbcClient jdbc;

    StaffRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StaffMember member, Instant now) {
        jdbc.sql("""
                insert into staff (id, practice_id, display_name, role, title, active, created_at)
                values (:id, :practice, :name, :role, :title, true, :now)""")
                .param("id", member.id().value())
                .param("practice", member.practiceId().value())
                .param("name", member.displayName())
                .param("role", member.role().code())
                .param("title", member.title())
                .param("now", Timestamps.toDb(now))
                .update();
    }

    Optional<StaffMember> find(PracticeId practice, UserId id) {
        return jdbc.sql("select * from staff where id = :id and practice_id = :practice")
                .param("id", id.value())
                .param("practice", practice.value())
                .query(StaffRows::map)
                .optional();
    }

    List<StaffMember> findAll(PracticeId practice, Collection<UserId> ids) {
        return jdbc.sql("select * from staff where practice_id = :practice and id in (:ids)")
                .param("practice", practice.value())
                .param("ids", ids.stream().map(UserId::value).distinct().toList())
                .query(StaffRows::map)
                .list();
    }

    /** Everyone on the practice's staff, active first, by name. */
    List<StaffMember> all(PracticeId practice) {
        return jdbc.sql("select * from staff where practice_id = :practice order by active desc, display_name")
                .param("practice", practice.value())
                .query(StaffRows::map).list();
    }

    /** False when the practice has no such member of staff. */
    boolean setActive(PracticeId practice, UserId id, boolean active) {
        return jdbc.sql("update staff set active = :active where id = :id and practice_id = :practice")
                .param("active", active).param("id", id.value()).param("practice", practice.value())
                .update() == 1;
    }

    /** A member of staff from a row holding the {@code staff} table's columns. */
    static StaffMember map(ResultSet rs, int row) throws SQLException {
        return new StaffMember(UserId.of(rs.getObject("id", UUID.class)),
                PracticeId.of(rs.getObject("practice_id", UUID.class)), rs.getString("display_name"),
                StaffRole.fromCode(rs.getString("role")), rs.getString("title"), rs.getBoolean("active"));
    }
}
