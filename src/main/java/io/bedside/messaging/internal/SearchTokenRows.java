package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/** The blind index of message words (table {@code message_search_token}). */
@Repository
class SearchTokenRows {

    /** Rows per insert statement: well below PostgreSQL's limit of 65,535 parameters. */
    private static final int ROWS_PER_INSERT = 1000;

    /** A message whose tokens hold every word of a query. */
    record Candidate(MessageId message, ConversationId conversation, Instant createdAt) {
    }

    /** What narrows a search besides its words: a SQL condition on conversation {@code c} and its parameters. */
    record Filter(String condition, Map<String, Object> params, boolean withInternal) {
    }

    private final JdbcClient jdbc;

    SearchTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One message's distinct tokens, in one statement (a very long message in a few). */
    void insert(PracticeId practice, ConversationId conversation, MessageId message, Instant at, boolean internal,
            long[] tokens) {
        for (int from = 0; from < tokens.length; from += ROWS_PER_INSERT) {
            int to = Math.min(tokens.length, from + ROWS_PER_INSERT);
            StringBuilder sql = new StringBuilder("insert into message_search_token"
                    + " (practice_id, token, created_at, message_id, conversation_id, internal) values ");
            List<Object> params = new ArrayList<>((to - from) * 6);
            Object at2 = Timestamps.toDb(at);
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
                params.add(practice.value());
                params.add(tokens[i]);
                params.add(at2);
                params.add(message.value());
                params.add(conversation.value());
                params.add(internal);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** Forgets one message's tokens (before a re-index writes them again). */
    void deleteOf(PracticeId practice, MessageId message) {
        jdbc.sql("delete from message_search_token where message_id = :message and practice_id = :practice")
                .param("message", message.value()).param("practice", practice.value()).update();
    }

    /**
     * The newest messages (before {@code after}) holding, for each of {@code wordTokens.size()}
     * query words, one of that word's tokens; at most {@code limit}.
     */
    List<Candidate> candidates(PracticeId practice, List<long[]> wordTokens, Filter filter, KeysetCursor after,
            int limit) {
        Map<String, Object> params = new HashMap<>(filter.params());
        List<Long> tokens = new ArrayList<>();
        wordTokens.forEach(ts -> {
            for (long t : ts) {
                tokens.add(t);
            }
        });
        params.put("practice", practice.value());
        params.put("tokens", tokens);
        params.put("words", wordTokens.size());
        StringBuilder sql = new StringBuilder("""
                select t.message_id, t.conversation_id, t.created_at
                  from message_search_token t
                  join conversation c on c.id = t.conversation_id and c.practice_id = t.practice_id
                 where t.practice_id = :practice and t.token in (:tokens)""");
        if (!filter.withInternal()) {
            sql.append(" and not t.internal");
        }
        if (!filter.condition().isEmpty()) {
            sql.append(" and ").append(filter.condition());
        }
        if (after != null) {
            sql.append(" and (t.created_at < :afterAt or (t.created_at = :afterAt and t.message_id < :afterId))");
            params.put("afterAt", Timestamps.toDb(after.at()));
            params.put("afterId", after.id());
        }
        // A message holds a token at most once, and each word's tokens come from one search key.
        sql.append("""
                 group by t.message_id, t.conversation_id, t.created_at
                having count(*) >= :words
                 order by t.created_at desc, t.message_id desc
                 limit %d""".formatted(limit));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Candidate(MessageId.of(rs.getObject(1, UUID.class)),
                        ConversationId.of(rs.getObject(2, UUID.class)), Timestamps.fromDb(rs, "created_at")))
                .list();
    }
}
