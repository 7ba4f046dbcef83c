package io.bedside.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The practices ({@code practice}). */
@Repository
class PracticeRows {

    private static final String COLUMNS = "id, slug, name, time_zone, default_language, display_name, phone, address";

    private final JdbcClient jdbc;

    PracticeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Practice practice, Instant now) {
        jdbc.sql("""
                insert into practice (id, slug, name, time_zone, default_language, created_at)
                values (:id, :slug, :name, :zone, :language, :now)""")
                .param("id", practice.id().value())
                .param("slug", practice.slug())
                .param("name", practice.name())
                .param("zone", practice.timeZone().getId())
                .param("language", practice.defaultLanguage())
                .param("now", Timestamps.toDb(now))
                .update();
    }

    Optional<Practice> find(PracticeId id) {
        return jdbc.sql("select " + COLUMNS + " from practice where id = :id")
                .param("id", id.value())
                .query(PracticeRows::map)
                .optional();
    }

    Optional<Practice> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from practice where slug = :slug")
                .param("slug", slug)
                .query(PracticeRows::map)
                .optional();
    }

    List<Practice> all() {
        return jdbc.sql("select " + COLUMNS + " from practice order by slug")
                .query(PracticeRows::map)
                .list();
    }

    /** The practice's time zone, if the practice exists. */
    Optional<ZoneId> timeZone(PracticeId practice) {
        return jdbc.sql("select time_zone from practice where id = :practice")
                .param("practice", practice.value()).query(String.class).optional()
                .map(ZoneId::of);
    }

    Optional<ConfidentialAges> confidentialAges(PracticeId practice) {
        return jdbc.sql("select confidential_age_from, confidential_age_to from practice where id = :practice")
                .param("practice", practice.value())
                .query((rs, n) -> new ConfidentialAges(rs.getInt(1), rs.getInt(2))).optional();
    }

    boolean setConfidentialAges(PracticeId practice, ConfidentialAges ages, Instant now) {
        return jdbc.sql("""
                update practice set confidential_age_from = :from, confidential_age_to = :to, updated_at = :now
                where id = :practice""")
                .param("from", ages.from()).param("to", ages.to()).param("now", Timestamps.toDb(now))
                .param("practice", practice.value()).update() == 1;
    }

    Optional<Boolean> statusLineShowsRoleOnly(PracticeId practice) {
        return jdbc.sql("select status_line_names from practice where id = :practice")
                .param("practice", practice.value()).query((rs, n) -> "role".equals(rs.getString(1))).optional();
    }

    boolean setStatusLineShowsRoleOnly(PracticeId practice, boolean roleOnly, Instant now) {
        return jdbc.sql("update practice set status_line_names = :names, updated_at = :now where id = :practice")
                .param("names", roleOnly ? "role" : "name").param("now", Timestamps.toDb(now))
                .param("practice", practice.value()).update() == 1;
    }

    /** Stores every changeable field; false when there is no such practice. */
    boolean update(Practice changed, Instant now) {
        return jdbc.sql("""
                update practice set name = :name, display_name = :display, time_zone = :zone,
                                    default_language = :language, phone = :phone, address = :address,
                                    updated_at = :now
                 where id = :id""")
                .param("name", changed.name())
                .param("display", changed.displayName())
                .param("zone", changed.timeZone().getId())
                .param("language", changed.defaultLanguage())
                .param("phone", changed.phone())
                .param("address", changed.address())
                .param("now", Timestamps.toDb(now))
                .param("id", changed.id().value())
                .update() == 1;
    }

    boolean existsWithSlug(String slug) {
        return jdbc.sql("select count(*) from practice where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0;
    }

    private static Practice map(ResultSet rs, int n) throws SQLException {
        return new Practice(PracticeId.of(rs.getObject("id", UUID.class)), rs.getString("slug"),
                rs.getString("name"), ZoneId.of(rs.getString("time_zone")), rs.getString("default_language"),
                rs.getString("display_name"), rs.getString("phone"), rs.getString("address"));
    }
}
