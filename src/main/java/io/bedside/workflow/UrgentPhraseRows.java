package io.bedside.workflow;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PracticeId;

/** The table {@code urgent_phrase}: each practice's own urgent phrases. */
@Repository
class UrgentPhraseRows {

    private final JdbcClient jdbc;

    UrgentPhraseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> of(PracticeId practice) {
        return jdbc.sql("select phrase from urgent_phrase where practice_id = :practice order by phrase")
                .param("practice", practice.value()).query(String.class).list();
    }

    void replace(PracticeId practice, Collection<String> phrases) {
        jdbc.sql("delete from urgent_phrase where practice_id = :practice").param("practice", practice.value())
                .update();
        for (String phrase : phrases) {
            jdbc.sql("insert into urgent_phrase (practice_id, phrase) values (:practice, :phrase)")
                    .param("practice", practice.value()).param("phrase", phrase).update();
        }
    }
}
