package io.bedside.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bedside.crypto.BlindIndex;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * The data set of the search benchmark, written straight into PostgreSQL with COPY (through the
 * application it would take hours): N messages (default 1,000,000) in one practice, ten per
 * conversation, each of 30 to 60 words drawn from a Zipf-like vocabulary of 5,000 words (the
 * commonest English words of patient messages first, then made-up words of 4 to 11 letters), each
 * body encrypted under the practice's data key and indexed under its search key exactly as a send
 * indexes it ({@link SearchTerms#indexTerms}, one row per distinct token). A patient (the benchmark's
 * patient-side caller) owns 20 of the conversations; every 20th staff message is an internal note.
 * Written once into a database that outlives the run: a marker row says it is complete.
 */
public final class SearchBenchSeed {

    public static final int VOCABULARY = 5000;
    public static final int PER_CONVERSATION = 10;
    private static final UUID SEEDER = UUID.fromString("00000000-0000-0000-0000-5eed5eed5eed");

    /** The first words: common words of patient messages, commonest first (the 1- and 2-letter ones are not indexed). */
    private static final String HEAD = """
            i the and to my a of is it in for have been with that on this you me am was but not be are as so at can do
            if we or had your what about since pain take day from some would get know when there also just like feel
            doctor week medication now still after should any time out more please need thank help could how back
            will all morning night better worse again they one last taking days weeks dose side effects blood pressure
            rash cream arm skin itchy red swelling fever cough headache refill prescription pharmacy appointment
            tomorrow today question results test lab sugar insulin tablet pills allergy allergies sleep tired dizzy
            nausea stomach chest breath breathing knee shoulder leg foot hand eye ear throat nose cold flu vaccine
            shot visit nurse office call phone message bill insurance referral specialist surgery hospital emergency
            son daughter mother father husband wife child baby school work hours minutes months year years started
            stopped worse better mild severe sharp dull constant weekend evening yesterday pharmacist antibiotic
            ibuprofen tylenol metformin lisinopril atorvastatin amoxicillin inhaler cholesterol diabetes asthma
            anxiety depression thyroid kidney liver heart weight diet exercise walking swollen bruise cut infection
            """;

    public record Vocabulary(List<String> words, double[] cumulative) {

        /** A word's rank (0 the commonest) drawn by its frequency. */
        int draw(Random random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(words.size() - 1, i < 0 ? -i - 1 : i);
        }

        /** In how many of the messages a word of this rank is expected (30 to 60 words each). */
        public double messageShare(int rank) {
            double p = cumulative[rank] - (rank == 0 ? 0 : cumulative[rank - 1]);
            return 1 - Math.pow(1 - p, 45);
        }
    }

    /** The vocabulary, the same every run. */
    public static Vocabulary vocabulary() {
        Set<String> words = new LinkedHashSet<>(Arrays.asList(HEAD.trim().split("\\s+")));
        Random random = new Random(17);
        String[] onsets = {"b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "cr", "pl", "st", "tr"};
        String[] vowels = {"a", "e", "i", "o", "u", "io", "ea"};
        String[] codas = {"", "", "n", "r", "s", "l", "m", "t", "x"};
        while (words.size() < VOCABULARY) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(onsets[random.nextInt(onsets.length)]).append(vowels[random.nextInt(vowels.length)])
                        .append(codas[random.nextInt(codas.length)]);
            }
            if (w.length() >= 4 && w.length() <= 11) {
                words.add(w.toString());
            }
        }
        double[] cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int r = 0; r < VOCABULARY; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < VOCABULARY; r++) {
            cumulative[r] /= sum;
        }
        return new Vocabulary(List.copyOf(words), cumulative);
    }

    /** A message of 30 to 60 words (ranks). */
    static int[] message(Vocabulary vocabulary, Random random) {
        int[] words = new int[30 + random.nextInt(31)];
        for (int i = 0; i < words.length; i++) {
            words[i] = vocabulary.draw(random);
        }
        return words;
    }

    static String text(Vocabulary vocabulary, int[] words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = vocabulary.words().get(words[i]);
            text.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
        }
        return text.append('.').toString();
    }

    /** Some realistic message texts (for the insert measurement). */
    public static List<String> texts(int count, long seed) {
        Vocabulary vocabulary = vocabulary();
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(text(vocabulary, message(vocabulary, random)));
        }
        return texts;
    }

    /** Whether the data set is there, complete, and indexed under the practice's current search key. */
    public static boolean present(JdbcClient jdbc, BlindIndex blindIndex, PracticeId practice, int messages) {
        jdbc.sql("create table if not exists search_bench_seed (messages integer not null, marker bigint not null)")
                .update();
        List<long[]> rows = jdbc.sql("select messages, marker from search_bench_seed")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        if (rows.isEmpty()) {
            if (jdbc.sql("select count(*) from conversation where created_by = :s").param("s", SEEDER)
                    .query(Long.class).single() > 0) {
                throw new IllegalStateException("An earlier seed of this database stopped half way: drop the database"
                        + " (drop database <name> with (force)) and run again");
            }
            return false;
        }
        if (rows.get(0)[0] != messages || rows.get(0)[1] != blindIndex.token(practice, "bench-marker")) {
            throw new IllegalStateException("The kept database holds another data set (" + rows.get(0)[0]
                    + " messages, or another search key): drop it and run again");
        }
        return true;
    }

    /** Writes the data set (minutes). */
    public static void seed(JdbcClient jdbc, DataSource dataSource, MessageCipher cipher, BlindIndex blindIndex,
            PracticeId practice, PatientId patient, UserId patientUser, UserId staff, List<CareTeamId> teams,
            int messages) throws SQLException {
        long started = System.nanoTime();
        Vocabulary vocabulary = vocabulary();
        long[][] wordTokens = new long[VOCABULARY][];
        for (int r = 0; r < VOCABULARY; r++) {
            wordTokens[r] = SearchTerms.indexTerms(vocabulary.words().get(r)).stream()
                    .mapToLong(t -> blindIndex.token(practice, t)).toArray();
        }
        int conversations = messages / PER_CONVERSATION;
        Random random = new Random(42);
        UUID[] patients = new UUID[conversations / 5 + 1];
        for (int i = 0; i < patients.length; i++) {
            patients[i] = new UUID(random.nextLong(), random.nextLong());
        }
        UUID[] conversationIds = new UUID[conversations];
        UUID[] owners = new UUID[conversations];
        String[][] subjects = new String[conversations][];
        Instant start = Instant.now().minus(730, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long stepMillis = 730L * 24 * 3600 * 1000 / messages;
        String practiceText = practice.value().toString();
        HexFormat hex = HexFormat.of();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (var s = connection.createStatement()) {
                s.execute("set maintenance_work_mem = '1GB'");
                s.execute("set synchronous_commit = off");
            }
            // Conversations.
            CopyIn copy = pg.getCopyAPI().copyIn("copy conversation (id, practice_id, patient_id, care_team_id, kind,"
                    + " status, priority, priority_rank, subject_ciphertext, last_seq, last_activity_at, last_public_seq,"
                    + " last_public_activity_at, created_by, created_at, confidential) from stdin");
            StringBuilder out = new StringBuilder(1 << 20);
            for (int c = 0; c < conversations; c++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                conversationIds[c] = id;
                owners[c] = c % 5000 == 0 ? patient.value() : patients[random.nextInt(patients.length)];
                int[] subject = new int[3 + random.nextInt(3)];
                for (int i = 0; i < subject.length; i++) {
                    subject[i] = vocabulary.draw(random);
                }
                subjects[c] = new String[] {text(vocabulary, subject).replace(".", "")};
                Instant first = start.plusMillis(stepMillis * c);
                Instant last = start.plusMillis(stepMillis * ((long) (PER_CONVERSATION - 1) * conversations + c));
                byte[] ciphertext = cipher.encryptSubject(practice, ConversationId.of(id), subjects[c][0]);
                out.append(id).append('\t').append(practiceText).append('\t').append(owners[c]).append('\t')
                        .append(teams.get(c % teams.size()).value()).append("\tQUESTION\t")
                        .append(c % 4 == 0 ? "CLOSED" : "OPEN").append("\tROUTINE\t0\t\\\\x")
                        .append(hex.formatHex(ciphertext)).append('\t').append(PER_CONVERSATION).append('\t')
                        .append(last).append('\t').append(PER_CONVERSATION).append('\t').append(last).append('\t')
                        .append(SEEDER).append('\t').append(first).append("\tf\n");
                flush(copy, out, false);
            }
            flush(copy, out, true);
            copy.endCopy();
            System.out.printf("seeded %d conversations in %.0f s%n", conversations, (System.nanoTime() - started) / 1e9);

            // Messages and their tokens, without the token table's keys (made after, in one sort each).
            try (var s = connection.createStatement()) {
                s.execute("alter table message_search_token drop constraint message_search_token_key");
            }
            CopyIn messageCopy = pg.getCopyAPI().copyIn("copy message (id, practice_id, conversation_id, seq, author_id,"
                    + " author_kind, body_ciphertext, internal, created_at) from stdin");
            long tokenRows = 0;
            // The tokens go at the same time through a second connection (one runs one COPY at a time).
            try (Connection second = dataSource.getConnection()) {
                second.setAutoCommit(true);
                CopyIn tokenCopy = second.unwrap(PGConnection.class).getCopyAPI().copyIn("copy message_search_token"
                        + " (practice_id, token, created_at, message_id, conversation_id, internal) from stdin");
                StringBuilder messageOut = new StringBuilder(1 << 20);
                StringBuilder tokenOut = new StringBuilder(1 << 22);
                long[] buffer = new long[4096];
                for (int i = 0; i < messages; i++) {
                    int c = i % conversations;
                    int seq = i / conversations + 1;
                    UUID id = new UUID(random.nextLong(), random.nextLong());
                    Instant at = start.plusMillis(stepMillis * i);
                    boolean byPatient = seq % 2 == 1;
                    boolean internal = !byPatient && i % 20 == 1;
                    int[] words = message(vocabulary, random);
                    String body = text(vocabulary, words);
                    byte[] ciphertext = cipher.encryptBody(practice, ConversationId.of(conversationIds[c]),
                            MessageId.of(id), body);
                    UUID author = byPatient ? (owners[c].equals(patient.value()) ? patientUser.value() : owners[c])
                            : staff.value();
                    messageOut.append(id).append('\t').append(practiceText).append('\t').append(conversationIds[c])
                            .append('\t').append(seq).append('\t').append(author).append('\t')
                            .append(byPatient ? "PATIENT" : "STAFF").append("\t\\\\x").append(hex.formatHex(ciphertext))
                            .append('\t').append(internal ? 't' : 'f').append('\t').append(at).append('\n');
                    flush(messageCopy, messageOut, false);

                    int n = 0;
                    for (int w : words) {
                        for (long t : wordTokens[w]) {
                            buffer[n++] = t;
                        }
                    }
                    if (seq == 1) {
                        for (String t : SearchTerms.indexTerms(subjects[c][0])) {
                            buffer[n++] = blindIndex.token(practice, t);
                        }
                    }
                    long[] distinct = Arrays.stream(buffer, 0, n).sorted().distinct().toArray();
                    String prefix = practiceText + '\t';
                    String suffix = "\t" + at + '\t' + id + '\t' + conversationIds[c] + '\t' + (internal ? 't' : 'f')
                            + '\n';
                    for (long t : distinct) {
                        tokenOut.append(prefix).append(t).append(suffix);
                    }
                    tokenRows += distinct.length;
                    if (tokenOut.length() > (1 << 22)) {
                        flush(tokenCopy, tokenOut, true);
                    }
                    if ((i + 1) % 100_000 == 0) {
                        System.out.printf("  %d messages, %d token rows, %.0f s%n", i + 1, tokenRows,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
                flush(messageCopy, messageOut, true);
                messageCopy.endCopy();
                flush(tokenCopy, tokenOut, true);
                tokenCopy.endCopy();
            }
            System.out.printf("copied %d messages (%.1f token rows each) in %.0f s%n", messages,
                    tokenRows / (double) messages, (System.nanoTime() - started) / 1e9);
            try (var s = connection.createStatement()) {
                s.execute("alter table message_search_token add constraint message_search_token_key"
                        + " primary key (token, created_at, message_id)");
                System.out.printf("indexed in %.0f s%n", (System.nanoTime() - started) / 1e9);
                s.execute("vacuum analyze conversation");
                s.execute("vacuum analyze message");
                s.execute("vacuum analyze message_search_token");
            }
        }
        jdbc.sql("insert into search_bench_seed (messages, marker) values (:m, :t)").param("m", messages)
                .param("t", blindIndex.token(practice, "bench-marker")).update();
        System.out.printf("seed complete in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * The database time of indexing sends: for {@code count} realistic messages, the time of the
     * token insert statement (median, p90), as it was (prefixes 3 to 8 and the whole word, one
     * multi-row insert) and as it is (prefixes 3 to 6, one array parameter), each in a transaction
     * rolled back afterwards so the data set stays as seeded. Also the time to compute the tokens.
     */
    public static void measureInserts(org.springframework.context.ApplicationContext context, PracticeId practice,
            int count) {
        SearchTokenRows rows = context.getBean(SearchTokenRows.class);
        BlindIndex blindIndex = context.getBean(BlindIndex.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        var transaction = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        List<String> texts = texts(count, 7);
        List<UUID[]> targets = jdbc.sql("select id, conversation_id from message where practice_id = :p"
                + " order by created_at desc fetch first " + count + " rows only").param("p", practice.value())
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
        String[] names = {"before: prefixes 3-8 + word, multi-row insert", "prefixes 3-6, multi-row insert",
                "after: prefixes 3-6, one array parameter"};
        long[][] nanos = new long[names.length][count];
        long[] hmacNanos = new long[count];
        double[] serverMillis = new double[count];
        double[] planMillis = new double[count];
        double[] tokensPer = new double[names.length];
        Instant at = Instant.now();
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < count; i++) {
                String text = texts.get(i);
                for (int v = 0; v < names.length; v++) {
                    Set<String> terms = v == 0 ? oldIndexTerms(text) : SearchTerms.indexTerms(text);
                    long hmacStart = System.nanoTime();
                    long[] tokens = terms.stream().mapToLong(t -> blindIndex.token(practice, t)).distinct().toArray();
                    if (v == 2) {
                        hmacNanos[i] = System.nanoTime() - hmacStart;
                    }
                    tokensPer[v] += tokens.length;
                    int variant = v;
                    int index = i;
                    transaction.executeWithoutResult(tx -> {
                        MessageId message = MessageId.of(targets.get(index)[0]);
                        ConversationId conversation = ConversationId.of(targets.get(index)[1]);
                        long start = System.nanoTime();
                        if (variant == 2) {
                            rows.insert(practice, conversation, message, at, false, 1, tokens);
                        } else {
                            rows.insertValues(practice, conversation, message, at, false, 1, tokens);
                        }
                        nanos[variant][index] = System.nanoTime() - start;
                        if (variant == 2) {
                            // The server's own time for the same statement (the round trip left out).
                            String text2 = Arrays.stream(tokens).mapToObj(Long::toString)
                                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
                            List<String> plan = jdbc.sql("explain (analyze, timing off) insert into message_search_token"
                                    + " (practice_id, token, created_at, message_id, conversation_id, internal, key_version)"
                                    + " select :p, t, :at, :m, :c, false, 1 from unnest(cast(:tokens as bigint[])) t")
                                    .param("p", practice.value()).param("at", io.bedside.shared.Timestamps.toDb(
                                            at.plusSeconds(1)))
                                    .param("m", message.value()).param("c", conversation.value())
                                    .param("tokens", text2).query(String.class).list();
                            serverMillis[index] = plan.stream().filter(l -> l.startsWith("Execution Time"))
                                    .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9.]", ""))).sum();
                            planMillis[index] = plan.stream().filter(l -> l.startsWith("Planning Time"))
                                    .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9.]", ""))).sum();
                        }
                        tx.setRollbackOnly();
                    });
                }
            }
        }
        for (int v = 0; v < names.length; v++) {
            long[] sorted = nanos[v].clone();
            Arrays.sort(sorted);
            System.out.printf("SEARCH INDEX INSERT (PostgreSQL, %d messages of 30-60 words, one at a time) %s:"
                    + " %.1f rows per message, median %.3f ms, p90 %.3f ms%n", count, names[v],
                    tokensPer[v] / (2.0 * count), sorted[count / 2] / 1e6, sorted[count * 9 / 10] / 1e6);
        }
        Arrays.sort(serverMillis);
        Arrays.sort(planMillis);
        System.out.printf("SEARCH INDEX INSERT (PostgreSQL, server time, EXPLAIN (ANALYZE, TIMING OFF)) after:"
                + " execution median %.3f ms, p90 %.3f ms; planning median %.3f ms (a prepared statement plans once)%n",
                serverMillis[count / 2], serverMillis[count * 9 / 10], planMillis[count / 2]);
        Arrays.sort(hmacNanos);
        System.out.printf("SEARCH INDEX TOKENS (JVM, HMAC-SHA-256 per term): median %.3f ms per message%n",
                hmacNanos[count / 2] / 1e6);
    }

    /** The plan of a search's first index read (EXPLAIN ANALYZE, BUFFERS). */
    public static List<String> explain(MessageSearch search, io.bedside.shared.Actor actor, MessageSearch.Query query) {
        return search.explain(actor, query);
    }

    /** The index terms as they were before prefixes stopped at 6 letters (3 to 8, the word and its stem). */
    private static Set<String> oldIndexTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (SearchTerms.Word word : SearchTerms.words(text)) {
            String w = word.normal();
            if (w.length() < SearchTerms.MIN_LENGTH) {
                continue;
            }
            for (int len = SearchTerms.MIN_LENGTH; len <= Math.min(8, w.length()); len++) {
                terms.add(w.substring(0, len));
            }
            terms.add(w);
            terms.add(SearchTerms.stem(w));
        }
        return terms;
    }

    private static void flush(CopyIn copy, StringBuilder out, boolean always) throws SQLException {
        if (always || out.length() > (1 << 20)) {
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            out.setLength(0);
        }
    }
}
