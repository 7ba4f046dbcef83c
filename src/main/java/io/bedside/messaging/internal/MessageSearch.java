package io.bedside.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.BlindIndex;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.SystemAuthor;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.KeysetCursor;
import io.bedside.shared.PatientId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Message search over the blind index (docs/security.md, "Search"). The query's words are
 * normalised like the indexed text ({@link SearchTerms}), turned into tokens under the practice's
 * search keys, and the newest messages holding a token of every word are read from the index;
 * each candidate is then decrypted to confirm it (a long word is looked up by its first letters)
 * and to say where the words are. Staff search their practice's conversations, internal notes
 * included; patients and proxies the conversations they may see, never a note, a proxy never a
 * confidential one. Searches are audited without their words, with a row on the access report of
 * each patient whose messages a result shows.
 */
@Service
public class MessageSearch {

    static final int MAX_WORDS = 10;
    private static final int MAX_ROUNDS = 10;

    /** What to search for and where. Holds the query words: never log it. */
    public record Query(String q, CareTeamId teamId, ConversationStatus status, ConversationKind kind,
            PatientId patientId, Instant from, Instant to, String cursor, int limit) {
        @Override
        public String toString() {
            return "Query[limit=" + limit + "]";
        }
    }

    /** Where a word matched: offsets into the message body or the subject; none for details and file names. */
    public record Highlight(String field, Integer start, Integer end) {
    }

    /** One matching message with its conversation. Holds PHI: never log it. */
    public record Hit(ConversationView conversation, MessageView message, List<Highlight> highlights) {
        @Override
        public String toString() {
            return "Hit[" + message.id() + "]";
        }
    }

    public record Page(List<Hit> items, String nextCursor) {
    }

    private final SearchTokenRows tokens;
    private final MessageRows messages;
    private final ConversationRows conversations;
    private final ConversationViews views;
    private final Attachments attachments;
    private final MessageCipher cipher;
    private final People people;
    private final BlindIndex blindIndex;
    private final AuditTrail audit;

    MessageSearch(SearchTokenRows tokens, MessageRows messages, ConversationRows conversations,
            ConversationViews views, Attachments attachments, MessageCipher cipher, People people,
            BlindIndex blindIndex, AuditTrail audit) {
        this.tokens = tokens;
        this.messages = messages;
        this.conversations = conversations;
        this.views = views;
        this.attachments = attachments;
        this.cipher = cipher;
        this.people = people;
        this.blindIndex = blindIndex;
        this.audit = audit;
    }

    @Transactional
    public Page search(Actor actor, Query query) {
        List<SearchTerms.QueryTerm> terms = checkedTerms(query.q());
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidRequestException("to", "to must be after from.");
        }
        KeysetCursor after = query.cursor() == null || query.cursor().isBlank() ? null
                : KeysetCursor.decode(query.cursor());
        SearchTokenRows.Filter filter = filter(actor, query);
        // Two query words looked up by the same first letters are one lookup; the confirmation tells them apart.
        Set<String> indexTerms = new LinkedHashSet<>();
        terms.forEach(t -> indexTerms.add(t.indexTerm()));
        List<long[]> wordTokens = indexTerms.stream().map(t -> blindIndex.tokensForSearch(actor.practiceId(), t))
                .toList();

        int batch = Math.min(500, query.limit() * 2 + 10);
        List<Found> found = new ArrayList<>();
        Map<ConversationId, ConversationRow> rows = new HashMap<>();
        KeysetCursor position = after;
        boolean more = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<SearchTokenRows.Candidate> candidates = tokens.candidates(actor.practiceId(), wordTokens, filter,
                    position, batch);
            Map<MessageId, MessageRows.Row> byId = new HashMap<>();
            messages.findAll(actor.practiceId(), candidates.stream().map(SearchTokenRows.Candidate::message).toList())
                    .forEach(m -> byId.put(m.id(), m));
            for (SearchTokenRows.Candidate c : candidates) {
                position = new KeysetCursor(c.createdAt(), c.message().value());
                MessageRows.Row m = byId.get(c.message());
                ConversationRow row = m == null ? null : rows.computeIfAbsent(c.conversation(),
                        id -> conversations.find(actor.practiceId(), id).orElse(null));
                // The index's filter decided this already; the rows decide it again.
                if (row == null || !ConversationAccess.mayAccess(actor, row) || (m.internal() && !actor.isStaff())) {
                    continue;
                }
                Found confirmed = confirm(row, m, terms);
                if (confirmed == null) {
                    continue;
                }
                if (found.size() == query.limit()) {
                    more = true;
                    break;
                }
                found.add(confirmed);
            }
            if (more || candidates.size() < batch) {
                break;
            }
            if (round == MAX_ROUNDS - 1) {
                // Many candidates the text did not confirm: the next page goes on from here.
                more = true;
            }
        }
        String nextCursor = !more ? null
                : found.size() == query.limit() ? cursorOf(found.get(found.size() - 1)) : position.encode();
        List<Hit> hits = hits(actor, found, rows);
        record(actor, found);
        return new Page(hits, nextCursor);
    }

    /** A candidate that its decrypted text confirmed. */
    private record Found(ConversationRow row, MessageRows.Row message, String body, String subject,
            List<Highlight> highlights) {
    }

    private static String cursorOf(Found f) {
        return new KeysetCursor(f.message().createdAt(), f.message().id().value()).encode();
    }

    private Found confirm(ConversationRow row, MessageRows.Row m, List<SearchTerms.QueryTerm> terms) {
        String body = cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", body);
        String subject = null;
        if (m.seq() == 1) {
            subject = views.subject(row);
            fields.put("subject", subject);
            fields.put("details", String.join(" ", views.details(row).values()));
        }
        List<AttachmentView> files = attachments.of(row.practiceId(), row.id()).getOrDefault(m.id().value(), List.of());
        fields.put("attachments", String.join(" ", files.stream().map(AttachmentView::filename).toList()));

        Set<SearchTerms.QueryTerm> matched = new HashSet<>();
        List<Highlight> highlights = new ArrayList<>();
        for (var field : fields.entrySet()) {
            boolean offsets = field.getKey().equals("body") || field.getKey().equals("subject");
            boolean any = false;
            for (SearchTerms.Word word : SearchTerms.words(field.getValue())) {
                boolean hit = false;
                for (SearchTerms.QueryTerm term : terms) {
                    if (SearchTerms.matches(term, word)) {
                        matched.add(term);
                        hit = true;
                    }
                }
                if (hit && offsets) {
                    highlights.add(new Highlight(field.getKey(), word.start(), word.end()));
                }
                any |= hit;
            }
            if (any && !offsets) {
                highlights.add(new Highlight(field.getKey(), null, null));
            }
        }
        return matched.size() == terms.size() ? new Found(row, m, body, subject, highlights) : null;
    }

    private List<Hit> hits(Actor actor, List<Found> found, Map<ConversationId, ConversationRow> rows) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<ConversationRow> distinct = found.stream().map(Found::row).distinct().toList();
        Map<ConversationId, ConversationView> conversationViews = new HashMap<>();
        views.viewsOf(actor, distinct).forEach(v -> conversationViews.put(v.id(), v));
        Set<UserId> staffIds = new HashSet<>();
        found.stream().map(Found::message).filter(m -> m.authorKind() == Actor.Kind.STAFF)
                .forEach(m -> staffIds.add(m.authorId()));
        Map<UserId, StaffMember> staff = people.staff(actor.practiceId(), staffIds);
        List<Hit> hits = new ArrayList<>();
        for (Found f : found) {
            MessageRows.Row m = f.message();
            ConversationView conversation = conversationViews.get(f.row().id());
            Person author = SystemAuthor.is(m.authorId()) ? people.system(m.practiceId())
                    : m.authorKind() == Actor.Kind.STAFF ? people.staffPerson(m.authorId(), staff)
                    : m.proxyRelationship() != null
                            ? people.proxies(m.practiceId(), Map.of(m.authorId(), m.proxyRelationship()),
                                    conversation.patient()).get(m.authorId())
                    : new Person(m.authorId().value(), conversation.patient().displayName(), "patient");
            hits.add(new Hit(conversation, new MessageView(m.id(), m.seq(), author, f.body(), m.internal(),
                    m.createdAt()), f.highlights()));
        }
        return hits;
    }

    /** One row for the search (never its words), and one on the access report of each patient a result shows. */
    private void record(Actor actor, List<Found> found) {
        Map<PatientId, ConversationId> first = new LinkedHashMap<>();
        found.forEach(f -> first.putIfAbsent(f.row().patientId(), f.row().id()));
        List<AuditRecord> records = new ArrayList<>();
        records.add(AuditRecord.allowed(actor, actor.isStaff() ? null : actor.patientId(), "messages.searched",
                "messages", found.size()));
        first.forEach((patient, conversation) -> records.add(AuditRecord.allowed(
                actor.isStaff() ? actor : actor.actingAs(patient), patient, "messages.found", "conversation",
                conversation)));
        audit.recordAll(records);
    }

    private static List<SearchTerms.QueryTerm> checkedTerms(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidRequestException("q", "Say what to search for.");
        }
        if (q.length() > 200) {
            throw new InvalidRequestException("q", "A search is at most 200 characters.");
        }
        List<SearchTerms.QueryTerm> terms = SearchTerms.query(q);
        if (terms.isEmpty()) {
            throw new InvalidRequestException("q", "Search for a word of at least 3 letters.");
        }
        if (terms.size() > MAX_WORDS) {
            throw new InvalidRequestException("q", "Search for at most " + MAX_WORDS + " words.");
        }
        return terms;
    }

    private SearchTokenRows.Filter filter(Actor actor, Query query) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        if (actor.isPatient()) {
            conditions.add(PatientScope.of(actor.family()).condition(params));
        }
        if (query.patientId() != null) {
            // A patient-side caller names someone they act for (else 404); staff any patient of theirs.
            PatientId patient = actor.isPatient() ? actor.actingAs(query.patientId()).patientId() : query.patientId();
            conditions.add("c.patient_id = :patient");
            params.put("patient", patient.value());
        }
        if (query.teamId() != null) {
            conditions.add("c.care_team_id = :team");
            params.put("team", query.teamId().value());
        }
        if (query.status() != null) {
            conditions.add("c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.kind() != null) {
            conditions.add("c.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.from() != null) {
            conditions.add("t.created_at >= :from");
            params.put("from", Timestamps.toDb(query.from()));
        }
        if (query.to() != null) {
            conditions.add("t.created_at < :to");
            params.put("to", Timestamps.toDb(query.to()));
        }
        return new SearchTokenRows.Filter(String.join(" and ", conditions), params, actor.isStaff());
    }
}
