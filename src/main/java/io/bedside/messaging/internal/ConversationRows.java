package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code conversation} table. Every query names the practice. */
@Repository
class ConversationRows {

    /**
     * Which messages are news to the care team (a condition on message {@code m} of conversation
     * {@code c}): not the automated ones. Bedside's own replies (after hours, the urgent guidance:
     * author kind SYSTEM) answer a patient message the team has not read yet, and a campaign's
     * opening message is the practice writing to many patients at once; neither is something new
     * from the patient, so "1 new" after a patient message and its automatic reply, not "2 new".
     * Patients still count automated messages: they are written to them.
     */
    static final String NEW_FOR_STAFF = "m.author_kind <> 'SYSTEM' and not (c.kind = 'CAMPAIGN' and m.seq = 1)";

    /** A row of a list page with the reader's unread count. */
    public record Listed(ConversationRow row, long unread, boolean markedUnread) {

        public Listed(ConversationRow row, long unread) {
            this(row, unread, false);
        }
    }

    private final JdbcClient jdbc;

    ConversationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ConversationRow c) {
        jdbc.sql("""
                insert into conversation (id, practice_id, patient_id, care_team_id, provider_id, kind, status, priority,
                                          assignee_id, subject_ciphertext, last_seq, last_activity_at, last_public_seq,
                                          last_public_activity_at, created_by, created_at, details_ciphertext,
                                          priority_rank, confidential)
                values (:id, :practice, :patient, :team, :provider, :kind, :status, :priority, :assignee, :subject,
                        :lastSeq, :lastActivity, :lastSeq, :lastActivity, :createdBy, :createdAt, :details, :rank,
                        :confidential)""")
                .param("confidential", c.confidential())
                .param("id", c.id().value())
                .param("practice", c.practiceId().value())
                .param("patient", c.patientId().value())
                .param("team", c.careTeamId().value())
                .param("provider", c.providerId() == null ? null : c.providerId().value())
                .param("kind", c.kind().name())
                .param("status", c.status().name())
                .param("priority", c.priority().name())
                .param("rank", c.priority().ordinal())
                .param("assignee", c.assigneeId() == null ? null : c.assigneeId().value())
                .param("subject", c.subjectCiphertext())
                .param("lastSeq", c.lastSeq())
                .param("lastActivity", Timestamps.toDb(c.lastActivityAt()))
                .param("createdBy", c.createdBy().value())
                .param("createdAt", Timestamps.toDb(c.createdAt()))
                .param("details", c.detailsCiphertext())
                .update();
    }

    public Optional<ConversationRow> find(PracticeId practice, ConversationId id) {
        return jdbc.sql("select * from conversation where id = :id and practice_id = :practice")
                .param("id", id.value()).param("practice", practice.value())
                .query(ConversationRow::map).optional();
    }

    /** Some rows of the practice, in one query (those that exist). */
    public List<ConversationRow> findAll(PracticeId practice, java.util.Collection<ConversationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from conversation where id in (:ids) and practice_id = :practice")
                .param("ids", ids.stream().map(ConversationId::value).toList()).param("practice", practice.value())
                .query(ConversationRow::map).list();
    }

    /** The practice's conversations in id order after {@code after} (null: from the first), for the FHIR export. */
    public List<ConversationRow> pageById(PracticeId practice, ConversationId after, int limit) {
        if (after == null) {
            return jdbc.sql("select * from conversation where practice_id = :practice order by id limit " + limit)
                    .param("practice", practice.value()).query(ConversationRow::map).list();
        }
        return jdbc.sql("select * from conversation where practice_id = :practice and id > :after order by id limit "
                + limit)
                .param("practice", practice.value()).param("after", after.value())
                .query(ConversationRow::map).list();
    }

    /** The row, locked until the transaction ends: sends into one conversation take turns. */
    public Optional<ConversationRow> findForUpdate(PracticeId practice, ConversationId id) {
        return jdbc.sql("select * from conversation where id = :id and practice_id = :practice for update")
                .param("id", id.value()).param("practice", practice.value())
                .query(ConversationRow::map).optional();
    }

    public void recordMessage(ConversationId id, long seq, Instant at, boolean internal, ConversationStatus status) {
        String sql = internal
                ? "update conversation set last_seq = :seq, last_activity_at = :at, status = :status where id = :id"
                : """
                  update conversation set last_seq = :seq, last_activity_at = :at, last_public_seq = :seq,
                                          last_public_activity_at = :at, status = :status
                   where id = :id""";
        jdbc.sql(sql).param("seq", seq).param("at", Timestamps.toDb(at)).param("status", status.name())
                .param("id", id.value())
                .update();
    }

    public void setConfidential(ConversationId id, boolean confidential) {
        jdbc.sql("update conversation set confidential = :confidential where id = :id")
                .param("confidential", confidential).param("id", id.value()).update();
    }

    public void triage(ConversationId id, ConversationStatus status, Priority priority,
            UserId assignee) {
        jdbc.sql("""
                update conversation set status = :status, priority = :priority, priority_rank = :rank,
                                        assignee_id = :assignee
                 where id = :id""")
                .param("status", status.name()).param("priority", priority.name()).param("rank", priority.ordinal())
                .param("assignee", assignee == null ? null : assignee.value()).param("id", id.value())
                .update();
    }

    /**
     * A page of conversations, newest activity first, read with a keyset condition. Unread counts
     * leave out the reader's own messages and, for patients, internal notes.
     */
    public List<Listed> page(PracticeId practice, PatientScope scope, ConversationStatus status,
            KeysetCursor after, int limit, UserId reader, boolean readerIsPatient) {
        StringBuilder sql = new StringBuilder("""
                select c.*, (select count(*) from message m
                              where m.conversation_id = c.id and m.practice_id = c.practice_id
                                and m.seq > coalesce(r.last_read_seq, 0) and m.author_id <> :reader %s) as unread
                  from conversation c
                  left join read_state r on r.conversation_id = c.id and r.user_id = :reader
                 where c.practice_id = :practice""".formatted(readerIsPatient ? "and not m.internal"
                        : "and " + NEW_FOR_STAFF));
        Map<String, Object> params = new HashMap<>();
        params.put("practice", practice.value());
        params.put("reader", reader.value());
        if (scope != null) {
            sql.append(" and ").append(scope.condition(params));
        }
        if (status != null) {
            sql.append(" and c.status = :status");
            params.put("status", status.name());
        }
        String activity = readerIsPatient ? "c.last_public_activity_at" : "c.last_activity_at";
        if (after != null) {
            sql.append(" and (%1$s < :afterAt or (%1$s = :afterAt and c.id < :afterId))".formatted(activity));
            params.put("afterAt", Timestamps.toDb(after.at()));
            params.put("afterId", after.id());
        }
        sql.append(" order by %s desc, c.id desc limit ".formatted(activity)).append(limit);
        return new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Listed(ConversationRow.map(rs, n), rs.getLong("unread"))).list());
    }

    /**
     * A page of a care team inbox for one member of staff: most urgent first, then longest waiting
     * first; closed conversations newest first. Read with a keyset condition on (rank, time, id).
     * Each team's first rows come from an index in this order (V9_60), one branch per team, and
     * only the page's rows are joined to read marks and counted: the cost is the page's, not the
     * team's.
     */
    public List<Listed> inbox(PracticeId practice, List<CareTeamId> teams, InboxFilter filter, ConversationKind kind,
            InboxPosition after, int limit, UserId reader, Instant now) {
        if (teams.isEmpty()) {
            return List.of();
        }
        boolean newestFirst = filter == InboxFilter.CLOSED;
        String order = newestFirst ? "c.last_activity_at desc, c.id desc"
                : "c.priority_rank desc, c.last_activity_at asc, c.id asc";
        Map<String, Object> params = inboxParams(practice, teams, kind, reader, now);
        StringBuilder branches = new StringBuilder();
        for (int t = 0; t < teams.size(); t++) {
            params.put("team" + t, teams.get(t).value());
            branches.append(t == 0 ? "" : " union all ").append("(select c.* from conversation c");
            if (filter == InboxFilter.UNREAD) {
                branches.append(" left join read_state r on r.conversation_id = c.id and r.user_id = :reader");
            }
            branches.append(" where c.practice_id = :practice and c.care_team_id = :team").append(t)
                    .append(" and ").append(condition(filter));
            if (kind != null) {
                branches.append(" and c.kind = :kind");
            }
            if (after != null) {
                branches.append(newestFirst
                        ? " and (c.last_activity_at < :afterAt or (c.last_activity_at = :afterAt and c.id < :afterId))"
                        : " and (c.priority_rank < :afterRank or (c.priority_rank = :afterRank"
                                + " and (c.last_activity_at > :afterAt or (c.last_activity_at = :afterAt and c.id > :afterId))))");
            }
            branches.append(" order by ").append(order).append(" limit ").append(limit).append(")");
        }
        if (after != null) {
            params.put("afterRank", after.rank());
            params.put("afterAt", Timestamps.toDb(after.at()));
            params.put("afterId", after.id());
        }
        String sql = """
                select c.*, (select count(*) from message m
                              where m.conversation_id = c.id and m.practice_id = c.practice_id
                                and m.seq > coalesce(r.last_read_seq, 0) and m.author_id <> :reader
                                and %s) as unread,
                       (select count(*) from conversation_unread_mark u
                         where u.conversation_id = c.id and u.user_id = :reader) as marked
                  from (%s) c
                  left join read_state r on r.conversation_id = c.id and r.user_id = :reader
                 order by %s limit %d""".formatted(NEW_FOR_STAFF, branches, order, limit);
        return new ArrayList<>(jdbc.sql(sql).params(params)
                .query((rs, n) -> new Listed(ConversationRow.map(rs, n), rs.getLong("unread"), rs.getLong("marked") > 0))
                .list());
    }

    /** Where an inbox page ended. */
    public record InboxPosition(int rank, Instant at, UUID id) {
    }

    /** How many conversations of the teams each inbox view holds, in one pass. */
    public Map<InboxFilter, Long> inboxCounts(PracticeId practice, List<CareTeamId> teams, ConversationKind kind,
            UserId reader, Instant now) {
        Map<InboxFilter, Long> counts = new EnumMap<>(InboxFilter.class);
        if (teams.isEmpty()) {
            return counts;
        }
        StringBuilder sql = new StringBuilder("select ");
        for (InboxFilter f : InboxFilter.values()) {
            sql.append("sum(case when ").append(condition(f)).append(" then 1 else 0 end) as ")
                    .append("n_").append(f.name().toLowerCase(Locale.ROOT)).append(", ");
        }
        sql.setLength(sql.length() - 2);
        sql.append("""
                  from conversation c
                  left join read_state r on r.conversation_id = c.id and r.user_id = :reader
                 where c.practice_id = :practice and c.care_team_id in (:teams)""");
        if (kind != null) {
            sql.append(" and c.kind = :kind");
        }
        jdbc.sql(sql.toString()).params(inboxParams(practice, teams, kind, reader, now)).query(rs -> {
            for (InboxFilter f : InboxFilter.values()) {
                counts.put(f, rs.getLong("n_" + f.name().toLowerCase(Locale.ROOT)));
            }
        });
        return counts;
    }

    private static Map<String, Object> inboxParams(PracticeId practice, List<CareTeamId> teams, ConversationKind kind,
            UserId reader, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamps.toDb(now));
        params.put("practice", practice.value());
        params.put("teams", teams.stream().map(CareTeamId::value).toList());
        params.put("reader", reader.value());
        if (kind != null) {
            params.put("kind", kind.name());
        }
        return params;
    }

    /** Not snoozed, or the snooze has run out. */
    private static final String AWAKE = "(c.snoozed_until is null or c.snoozed_until <= :now)";

    private static String condition(InboxFilter filter) {
        return switch (filter) {
            // A reader's own messages move their read mark, so anything past the mark is someone
            // else's; automated ones (see NEW_FOR_STAFF) are not news to the team. For the same
            // reason a conversation the reader has no mark in holds nothing of theirs, and unless a
            // campaign opened it, its first message is a person's (ConversationStarts): it is
            // unread without looking at its messages. Only conversations the reader has read
            // before, and campaigns, are looked into, so counting a team's unread conversations
            // does not read a message of each (issue 22).
            // Or the reader marked it unread for themselves (conversation_unread_mark).
            case UNREAD -> """
                    ((c.last_seq > coalesce(r.last_read_seq, 0) and ((r.user_id is null and c.kind <> 'CAMPAIGN')
                     or exists (select 1 from message m
                     where m.conversation_id = c.id and m.practice_id = c.practice_id
                       and m.seq > coalesce(r.last_read_seq, 0) and m.author_id <> :reader and %s)))
                     or exists (select 1 from conversation_unread_mark u
                     where u.conversation_id = c.id and u.user_id = :reader))"""
                    .formatted(NEW_FOR_STAFF);
            // A snoozed conversation leaves the working views until its time comes (the query
            // decides, no job wakes it); urgent, unread and all still show it, so nothing urgent
            // hides behind a snooze.
            case OPEN -> "c.status = 'OPEN' and " + AWAKE;
            case MINE -> "c.status <> 'CLOSED' and c.assignee_id = :reader and " + AWAKE;
            case UNASSIGNED -> "c.status <> 'CLOSED' and c.assignee_id is null and " + AWAKE;
            case URGENT -> "c.status <> 'CLOSED' and c.priority = 'URGENT'";
            case WAITING -> "c.status = 'WAITING_ON_PATIENT' and " + AWAKE;
            case SNOOZED -> "c.status <> 'CLOSED' and c.snoozed_until > :now";
            case CLOSED -> "c.status = 'CLOSED'";
            case ALL -> "1 = 1";
        };
    }

    /** Every conversation of one patient, newest activity first, for staff looking at the patient. */
    public List<ConversationRow> ofPatient(PracticeId practice, PatientId patient, int limit) {
        return jdbc.sql("""
                select * from conversation where practice_id = :practice and patient_id = :patient
                 order by last_activity_at desc, id desc limit :limit""")
                .param("practice", practice.value()).param("patient", patient.value()).param("limit", limit)
                .query(ConversationRow::map).list();
    }

    /** The patient's latest conversation of a kind (their last refill), if any. */
    public Optional<ConversationRow> latestOfKind(PracticeId practice, PatientId patient,
            ConversationKind kind) {
        return jdbc.sql("""
                select * from conversation where practice_id = :practice and patient_id = :patient and kind = :kind
                 order by created_at desc, id desc limit 1""")
                .param("practice", practice.value()).param("patient", patient.value()).param("kind", kind.name())
                .query(ConversationRow::map).optional();
    }

    /** The messages a patient has not read, across all their conversations (never internal notes, never their own). */
    public long unreadTotal(PracticeId practice, PatientScope scope, UserId reader) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.condition(params);
        return jdbc.sql("""
                select count(*) from message m
                  join conversation c on c.id = m.conversation_id and c.practice_id = m.practice_id
                  left join read_state r on r.conversation_id = c.id and r.user_id = :reader
                 where c.practice_id = :practice and %s
                   and m.seq > coalesce(r.last_read_seq, 0) and m.author_id <> :reader and not m.internal"""
                .formatted(condition))
                .params(params).param("practice", practice.value()).param("reader", reader.value())
                .query(Long.class).single();
    }

    public long unread(ConversationId id, UserId reader, boolean readerIsPatient) {
        return jdbc.sql("""
                select count(*) from message m join conversation c on c.id = m.conversation_id
                 where m.conversation_id = :id
                   and m.seq > coalesce((select r.last_read_seq from read_state r
                                          where r.conversation_id = :id and r.user_id = :reader), 0)
                   and m.author_id <> :reader %s""".formatted(readerIsPatient ? "and not m.internal"
                        : "and " + NEW_FOR_STAFF))
                .param("id", id.value()).param("reader", reader.value())
                .query(Long.class).single();
    }

    public void snooze(ConversationId id, Instant until, UserId by) {
        jdbc.sql("update conversation set snoozed_until = :until, snoozed_by = :by where id = :id")
                .param("until", Timestamps.toDb(until)).param("by", by == null ? null : by.value())
                .param("id", id.value()).update();
    }

    /** Wakes the conversation (the patient wrote again, staff woke it, it was closed). */
    public void clearSnooze(ConversationId id) {
        jdbc.sql("update conversation set snoozed_until = null, snoozed_by = null where id = :id and snoozed_until is not null")
                .param("id", id.value()).update();
    }

    /** The reader's own "unread" reminder on a conversation; true if it was not there yet. */
    public boolean markUnread(PracticeId practice, ConversationId id, UserId reader, Instant at) {
        int removed = jdbc.sql("delete from conversation_unread_mark where conversation_id = :c and user_id = :u")
                .param("c", id.value()).param("u", reader.value()).update();
        jdbc.sql("""
                insert into conversation_unread_mark (practice_id, conversation_id, user_id, marked_at)
                values (:practice, :c, :u, :at)""")
                .param("practice", practice.value()).param("c", id.value()).param("u", reader.value())
                .param("at", Timestamps.toDb(at)).update();
        return removed == 0;
    }

    /** Reading the conversation takes the reader's "unread" reminder away. */
    public void clearUnreadMark(ConversationId id, UserId reader) {
        jdbc.sql("delete from conversation_unread_mark where conversation_id = :c and user_id = :u")
                .param("c", id.value()).param("u", reader.value()).update();
    }

    public boolean markedUnread(ConversationId id, UserId reader) {
        return jdbc.sql("select count(*) from conversation_unread_mark where conversation_id = :c and user_id = :u")
                .param("c", id.value()).param("u", reader.value()).query(Long.class).single() > 0;
    }

    /** Moves the conversation to another team of its practice. */
    public void moveTo(ConversationId id, CareTeamId team) {
        jdbc.sql("update conversation set care_team_id = :team where id = :id")
                .param("team", team.value()).param("id", id.value()).update();
    }

    /** Closes a duplicate with a link to the conversation the team kept. */
    public void mergeInto(ConversationId duplicate, ConversationId kept) {
        jdbc.sql("""
                update conversation set merged_into = :kept, status = 'CLOSED', snoozed_until = null, snoozed_by = null
                 where id = :id""")
                .param("kept", kept.value()).param("id", duplicate.value()).update();
    }
}
