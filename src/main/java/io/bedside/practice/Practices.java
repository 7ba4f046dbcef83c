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
        return jdbc.sql("""
                select id, slug, name, time_zone, default_language, display_name, phone, address
                  from practice where id = :id""")
                .param("id", id.value())
                .query(Practices::map)
                .optional();
    }

    public Optional<Practice> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, time_zone, default_language, display_name, phone, address from practice where slug = :slug")
                .param("slug", slug)
                .query(Practices::map)
                .optional();
    }

    /** Every practice of the deployment, by slug (for the operator's commands). */
    public java.util.List<Practice> all() {
        return jdbc.sql("select id, slug, name, time_zone, default_language, display_name, phone, address from practice order by slug")
                .query(Practices::map)
                .list();
    }

    private static Practice map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Practice(PracticeId.of(rs.getObject("id", java.util.UUID.class)), rs.getString("slug"),
                rs.getString("name"), ZoneId.of(rs.getString("time_zone")), rs.getString("default_language"),
                rs.getString("display_name"), rs.getString("phone"), rs.getString("address"));
    }

    /**
     * Stores the practice's details as given (checked by the caller): name, display name, time zone,
     * default language, phone and address. The id and slug never change. A time zone takes effect at
     * once: office hours and due times read it on every use.
     */
    @Transactional
    public void update(Practice changed) {
        int rows = jdbc.sql("""
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
                .param("now", Timestamps.toDb(clock.instant()))
                .param("id", changed.id().value())
                .update();
        if (rows != 1) {
            throw new io.bedside.shared.NotFoundException("No such practice.");
        }
    }

    public boolean existsWithSlug(String slug) {
        return jdbc.sql("select count(*) from practice where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0;
    }
}
