package io.bedside.practice;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The practices of this deployment. */
@Service
public class Practices {

    private final JdbcClient jdbc;
    private final Clock clock;

    Practices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Practice create(String slug, String name, ZoneId timeZone, String defaultLanguage) {
        Practice practice = new Practice(PracticeId.random(), slug, name, timeZone, defaultLanguage);
        jdbc.sql("""
                insert into practice (id, slug, name, time_zone, default_language, created_at)
                values (:id, :slug, :name, :zone, :language, :now)""")
                .param("id", practice.id().value())
                .param("slug", slug)
                .param("name", name)
                .param("zone", timeZone.getId())
                .param("language", defaultLanguage)
                .param("now", Timestamps.toDb(clock.instant()))
                .update();
        return practice;
    }

    public Optional<Practice> find(PracticeId id) {
        return jdbc.sql("select id, slug, name, time_zone, default_language from practice where id = :id")
                .param("id", id.value())
                .query(Practices::map)
                .optional();
    }

    public Optional<Practice> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, time_zone, default_language from practice where slug = :slug")
                .param("slug", slug)
                .query(Practices::map)
                .optional();
    }

    /** Every practice of the deployment, by slug (for the operator's commands). */
    public java.util.List<Practice> all() {
        return jdbc.sql("select id, slug, name, time_zone, default_language from practice order by slug")
                .query(Practices::map)
                .list();
    }

    private static Practice map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Practice(PracticeId.of(rs.getObject("id", java.util.UUID.class)), rs.getString("slug"),
                rs.getString("name"), ZoneId.of(rs.getString("time_zone")), rs.getString("default_language"));
    }

    public boolean existsWithSlug(String slug) {
        return jdbc.sql("select count(*) from practice where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0;
    }
}
