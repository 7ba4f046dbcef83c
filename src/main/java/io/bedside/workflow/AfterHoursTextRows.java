package io.bedside.workflow;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;

/** The after-hours reply rows of table {@code practice_text}: one per practice and language. */
@Repository
class AfterHoursTextRows {

    private static final String PURPOSE = "after_hours";

    private final JdbcClient jdbc;

    AfterHoursTextRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> find(PracticeId practice, String language) {
        return jdbc.sql("select body from practice_text where practice_id = :p and purpose = :purpose and language = :l")
                .param("p", practice.value()).param("purpose", PURPOSE).param("l", language)
                .query(String.class).optional();
    }

    /** Replaces the practice's texts with these, language to text. */
    void replace(PracticeId practice, Map<String, String> texts) {
        jdbc.sql("delete from practice_text where practice_id = :p and purpose = :purpose")
                .param("p", practice.value()).param("purpose", PURPOSE).update();
        texts.forEach((language, body) -> jdbc
                .sql("insert into practice_text (practice_id, purpose, language, body) values (:p, :purpose, :l, :b)")
                .param("p", practice.value()).param("purpose", PURPOSE).param("l", language)
                .param("b", body).update());
    }
}
