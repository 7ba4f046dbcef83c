package io.bedside.workflow;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;

/** The table {@code urgent_target}: a practice's urgent answer target in minutes, when it set one. */
@Repository
class UrgentTargetRows {

    private final JdbcClient jdbc;

    UrgentTargetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> minutes(PracticeId practice) {
        return jdbc.sql("select minutes from urgent_target where practice_id = :p").param("p", practice.value())
                .query(Integer.class).optional();
    }

    void set(PracticeId practice, int minutes) {
        jdbc.sql("delete from urgent_target where practice_id = :p").param("p", practice.value()).update();
        jdbc.sql("insert into urgent_target (practice_id, minutes) values (:p, :m)")
                .param("p", practice.value()).param("m", minutes).update();
    }
}
