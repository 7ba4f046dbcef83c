package io.bedside.messaging.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * The blind index of message words (table {@code message_search_token}). A search reads it in one of
 * two ways (docs/subsystems/messaging.md, "Message search"): from the index range of its rarest word, newest first, a
 * bounded number of rows at a time, probing the primary key for the other words (every row of a
 * message has the message's time, so a probe is one key); or, when it is narrowed to a patient's
 * records, from that patient's messages, probing every word.
 */
@Repository
class SearchTokenRows {

    /** Rows per insert statement on H2: well below a statement's parameter limit. */
    private static final int ROWS_PER_INSERT = 1000;

    /** A message whose tokens hold every word of a query. */
    record Candidate(MessageId message, ConversationId conversation, Instant createdAt) {
    }

    /**
     * The candidates of one read, newest first, and where the read stopped when it read its whole
     * bound of index rows ({@code null} when the index holds nothing older): the next read starts there.
     */
    record Candidates(List<Candidate> items, KeysetCursor scannedTo) {
    }

    /**
     * What narrows a search besides its words: a SQL condition on conversation {@code c} and its
     * parameters, whether notes are searched, the time range of messages, and whether to read a
     * patient's messages rather than the index range of the rarest word.
     */
    record Filter(String condition, Map<String, Object> params, boolean withInternal, Instant from, Instant to,
            boolean byConversation) {
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    SearchTokenRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /**
     * One message's distinct tokens, in one statement: on PostgreSQL one array parameter unnested
     * into rows (one short statement to parse and bind however long the message); on H2 a
     * multi-row insert (a very long message in a few).
     */
    void insert(PracticeId practice, ConversationId conversation, MessageId message, Instant at, boolean internal,
            int keyVersion, long[] tokens) {
        if (postgres) {
            jdbc.sql("""
                    insert into message_search_token
                           (practice_id, token, created_at, message_id, conversation_id, internal, key_version)
                    select :practice, t, :at, :message, :conversation, :internal, :version
                      from unnest(cast(:tokens as bigint[])) t""")
                    .param("practice", practice.value()).param("at", Timestamps.toDb(at))
                    .param("message", message.value()).param("conversation", conversation.value())
                    .param("internal", internal).param("version", keyVersion).param("tokens", arrayLiteral(tokens))
                    .update();
            return;
        }
        insertValues(practice, conversation, message, at, internal, keyVersion, tokens);
    }

    /**
     * A message's tokens written again under the current search key (the re-index): those it
     * already has (sent under this key while the re-index ran) get this key's version, the rest are
     * inserted. Rows under older keys stay until {@link #sweep}.
     */
    void reindex(PracticeId practice, ConversationId conversation, MessageId message, Instant at, boolean internal,
            int keyVersion, long[] tokens) {
        List<Long> all = tokenList(tokens);
        java.util.Set<Long> present = new java.util.HashSet<>(jdbc.sql("""
                select token from message_search_token
                 where practice_id = :practice and token in (:tokens) and created_at = :at and message_id = :message""")
                .param("practice", practice.value()).param("tokens", all).param("at", Timestamps.toDb(at))
                .param("message", message.value()).query(Long.class).list());
        if (!present.isEmpty()) {
            jdbc.sql("""
                    update message_search_token set key_version = :version
                     where practice_id = :practice and token in (:tokens) and created_at = :at and message_id = :message""")
                    .param("version", keyVersion).param("practice", practice.value())
                    .param("tokens", List.copyOf(present)).param("at", Timestamps.toDb(at))
                    .param("message", message.value()).update();
        }
        long[] missing = java.util.Arrays.stream(tokens).filter(t -> !present.contains(t)).toArray();
        if (missing.length > 0) {
            insert(practice, conversation, message, at, internal, keyVersion, missing);
        }
    }

    /** Deletes the practice's rows made under search keys older than {@code keyVersion} (the end of a re-index). */
    int sweep(PracticeId practice, int keyVersion) {
        return jdbc.sql("delete from message_search_token where practice_id = :practice and key_version < :version")
                .param("practice", practice.value()).param("version", keyVersion).update();
    }

    /** {@code {1,-2,3}}: the array's text form, which the statement casts (no driver-specific array type). */
    private static String arrayLiteral(long[] tokens) {
        StringBuilder text = new StringBuilder(tokens.length * 20 + 2).append('{');
        for (int i = 0; i < tokens.length; i++) {
            text.append(i == 0 ? "" : ",").append(tokens[i]);
        }
        return text.append('}').toString();
    }

    /** The multi-row insert (H2; on PostgreSQL only to compare in the benchmark). */
    void insertValues(PracticeId practice, ConversationId conversation, MessageId message, Instant at,
            boolean internal, int keyVersion, long[] tokens) {
        for (int from = 0; from < tokens.length; from += ROWS_PER_INSERT) {
            int to = Math.min(tokens.length, from + ROWS_PER_INSERT);
            StringBuilder sql = new StringBuilder("insert into message_search_token"
                    + " (practice_id, token, created_at, message_id, conversation_id, internal, key_version) values ");
            List<Object> params = new ArrayList<>((to - from) * 7);
            Object at2 = Timestamps.toDb(at);
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
                params.add(practice.value());
                params.add(tokens[i]);
                params.add(at2);
                params.add(message.value());
                params.add(conversation.value());
                params.add(internal);
                params.add(keyVersion);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /**
     * For each word (its tokens under each search key), how many index rows it has, counted up to
     * {@code cap}: enough to tell which word is rarest.
     */
    long[] counts(PracticeId practice, List<long[]> wordTokens, int cap) {
        Map<String, Object> params = new HashMap<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < wordTokens.size(); i++) {
            // Index only: the practice is not in the key, and another practice's tokens match only by a
            // 64-bit accident, which would only make an estimate a little high.
            parts.add(("select %d as w, count(*) as n from (select 1 as one from message_search_token"
                    + " where token in (:w%d) limit %d) x%d").formatted(i, i, cap, i));
            params.put("w" + i, tokenList(wordTokens.get(i)));
        }
        long[] counts = new long[wordTokens.size()];
        jdbc.sql(String.join(" union all ", parts)).params(params)
                .query((rs, n) -> counts[rs.getInt(1)] = rs.getLong(2)).list();
        return counts;
    }

    /**
     * The newest messages (before {@code after}) holding, for each query word, one of that word's
     * tokens; at most {@code limit}. Read from the index range of the first word (the rarest),
     * at most {@code scan} of its rows; or, with {@link Filter#byConversation}, from the messages of
     * the filter's conversations.
     */
    Candidates candidates(PracticeId practice, List<long[]> wordTokens, Filter filter, KeysetCursor after,
            int scan, int limit) {
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("practice", practice.value());
        String sql = filter.byConversation() ? byConversation(wordTokens, filter, after, limit, params)
                : byRarestWord(wordTokens, filter, after, scan, limit, params);
        List<Candidate> items = jdbc.sql(sql).params(params)
                .query((rs, n) -> new Candidate(MessageId.of(rs.getObject(1, UUID.class)),
                        ConversationId.of(rs.getObject(2, UUID.class)), Timestamps.fromDb(rs, "created_at")))
                .list();
        KeysetCursor scannedTo = null;
        if (!filter.byConversation() && items.size() < limit) {
            // Fewer than asked: the bound of index rows was reached (then say where), or the range ended.
            Map<String, Object> boundary = new HashMap<>(params);
            boundary.put("skip", scan - 1);
            scannedTo = jdbc.sql(driver(filter, after, "d.created_at, d.message_id") + " offset :skip rows fetch first 1 rows only")
                    .params(boundary)
                    .query((rs, n) -> new KeysetCursor(Timestamps.fromDb(rs, "created_at"),
                            rs.getObject(2, UUID.class)))
                    .optional().orElse(null);
        }
        return new Candidates(items, scannedTo);
    }

    /** Explains the read of {@link #candidates} on PostgreSQL (the benchmark prints it). */
    List<String> explain(PracticeId practice, List<long[]> wordTokens, Filter filter, int scan, int limit) {
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("practice", practice.value());
        String sql = filter.byConversation() ? byConversation(wordTokens, filter, null, limit, params)
                : byRarestWord(wordTokens, filter, null, scan, limit, params);
        return jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list();
    }

    /** The first word's index rows, newest first, in the time range, after the cursor; {@code d} the row. */
    private String driver(Filter filter, KeysetCursor after, String columns) {
        StringBuilder sql = new StringBuilder("select " + columns + " from message_search_token d"
                + " where d.practice_id = :practice and d.token in (:w0)");
        if (!filter.withInternal()) {
            sql.append(" and not d.internal");
        }
        range(sql, "d.created_at", "d.message_id", filter, after);
        sql.append(" order by d.created_at desc, d.message_id desc");
        return sql.toString();
    }

    private String byRarestWord(List<long[]> wordTokens, Filter filter, KeysetCursor after, int scan, int limit,
            Map<String, Object> params) {
        params.put("w0", tokenList(wordTokens.get(0)));
        rangeParams(params, filter, after);
        StringBuilder sql = new StringBuilder("select t.message_id, t.conversation_id, t.created_at from ("
                + driver(filter, after, "d.message_id, d.conversation_id, d.created_at")
                + " fetch first " + scan + " rows only) t");
        if (!filter.condition().isEmpty()) {
            sql.append(" join conversation c on c.id = t.conversation_id and c.practice_id = :practice");
        }
        sql.append(" where 1 = 1");
        probes(sql, wordTokens, 1, "t.created_at", "t.message_id", params);
        if (!filter.condition().isEmpty()) {
            sql.append(" and ").append(filter.condition());
        }
        sql.append(" order by t.created_at desc, t.message_id desc fetch first " + limit + " rows only");
        return sql.toString();
    }

    private String byConversation(List<long[]> wordTokens, Filter filter, KeysetCursor after, int limit,
            Map<String, Object> params) {
        rangeParams(params, filter, after);
        StringBuilder sql = new StringBuilder("""
                select m.id as message_id, m.conversation_id, m.created_at
                  from conversation c join message m on m.conversation_id = c.id and m.practice_id = c.practice_id
                 where c.practice_id = :practice""");
        if (!filter.condition().isEmpty()) {
            sql.append(" and ").append(filter.condition());
        }
        if (!filter.withInternal()) {
            sql.append(" and not m.internal");
        }
        range(sql, "m.created_at", "m.id", filter, after);
        probes(sql, wordTokens, 0, "m.created_at", "m.id", params);
        sql.append(" order by m.created_at desc, m.id desc fetch first " + limit + " rows only");
        return sql.toString();
    }

    /** A key probe per word from {@code from} on: the message has a row of one of the word's tokens. */
    private static void probes(StringBuilder sql, List<long[]> wordTokens, int from, String at, String message,
            Map<String, Object> params) {
        for (int i = from; i < wordTokens.size(); i++) {
            // The message is one of the practice's (the row or message read): a probe of the key suffices.
            sql.append(" and exists (select 1 from message_search_token p").append(i)
                    .append(" where p%d.token in (:w%d)".formatted(i, i))
                    .append(" and p%d.created_at = %s and p%d.message_id = %s)".formatted(i, at, i, message));
            params.put("w" + i, tokenList(wordTokens.get(i)));
        }
    }

    private static void range(StringBuilder sql, String at, String id, Filter filter, KeysetCursor after) {
        if (filter.from() != null) {
            sql.append(" and ").append(at).append(" >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and ").append(at).append(" < :to");
        }
        if (after != null) {
            sql.append(" and (%s < :afterAt or (%s = :afterAt and %s < :afterId))".formatted(at, at, id));
        }
    }

    private static void rangeParams(Map<String, Object> params, Filter filter, KeysetCursor after) {
        if (filter.from() != null) {
            params.put("from", Timestamps.toDb(filter.from()));
        }
        if (filter.to() != null) {
            params.put("to", Timestamps.toDb(filter.to()));
        }
        if (after != null) {
            params.put("afterAt", Timestamps.toDb(after.at()));
            params.put("afterId", after.id());
        }
    }

    private static List<Long> tokenList(long[] tokens) {
        List<Long> list = new ArrayList<>(tokens.length);
        for (long t : tokens) {
            list.add(t);
        }
        return list;
    }
}
