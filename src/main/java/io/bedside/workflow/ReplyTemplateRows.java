package io.bedside.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The table {@code reply_template}: a practice's templates (no owner) and each member of staff's own. */
@Repository
class ReplyTemplateRows {

    private final JdbcClient jdbc;

    ReplyTemplateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The practice's templates, then the reader's own, each by name. */
    List<ReplyTemplate> visibleTo(PracticeId practice, UserId reader) {
        return jdbc.sql("""
                select * from reply_template
                 where practice_id = :practice and (owner_id is null or owner_id = :me)
                 order by case when owner_id is null then 0 else 1 end, lower(name), id""")
                .param("practice", practice.value()).param("me", reader.value())
                .query(ReplyTemplateRows::map).list();
    }

    /** A new template; {@code owner} null for the practice's. */
    void insert(PracticeId practice, TemplateId id, UserId owner, String name, String body, UserId author,
            Instant now) {
        jdbc.sql("""
                insert into reply_template (id, practice_id, owner_id, name, body, created_by, created_at, updated_at)
                values (:id, :practice, :owner, :name, :body, :me, :now, :now)""")
                .param("id", id.value()).param("practice", practice.value())
                .param("owner", owner == null ? null : owner.value())
                .param("name", name).param("body", body)
                .param("me", author.value()).param("now", Timestamps.toDb(now))
                .update();
    }

    void update(PracticeId practice, TemplateId id, String name, String body, Instant now) {
        jdbc.sql("update reply_template set name = :name, body = :body, updated_at = :now where id = :id and practice_id = :practice")
                .param("name", name).param("body", body).param("now", Timestamps.toDb(now))
                .param("id", id.value()).param("practice", practice.value())
                .update();
    }

    void delete(PracticeId practice, TemplateId id) {
        jdbc.sql("delete from reply_template where id = :id and practice_id = :practice")
                .param("id", id.value()).param("practice", practice.value()).update();
    }

    private static ReplyTemplate map(ResultSet rs, int n) throws SQLException {
        UUID owner = rs.getObject("owner_id", UUID.class);
        return new ReplyTemplate(TemplateId.of(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("body"), owner == null ? null : UserId.of(owner), Timestamps.fromDb(rs, "updated_at"));
    }
}
