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
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.BlindIndex;
import io.bedside.crypto.DecryptionFailedException;
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

    private static final Logger log = LoggerFactory.getLogger(MessageSearch.class);

    static final int MAX_WORDS = 10;
    /** Reads of the index per search at most; each reads at most {@link #SCAN} rows of the rarest word. */
    private static final int MAX_ROUNDS = 4;
    private static final int SCAN = 2000;
    /** Index rows counted per word at most, to find the rarest. */
    private static final int COUNT_CAP = 2000;

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
        List<long[]> wordTokens = wordTokens(actor, terms, filter);
        int batch = Math.min(500, query.limit() * 2 + 10);
        List<Found> found = new ArrayList<>();
        Map<ConversationId, ConversationRow> rows = new HashMap<>();
        Map<ConversationId, Map<UUID, List<AttachmentView>>> filesOf = new HashMap<>();
        Set<MessageId> seen = new HashSet<>();
        KeysetCursor position = after;
        boolean more = false;
        if (wordTokens.isEmpty()) {
            record(actor, found);
            return new Page(List.of(), null);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            SearchTokenRows.Candidates read = tokens.candidates(actor.practiceId(), wordTokens, filter, position, SCAN,
                    batch);
            List<SearchTokenRows.Candidate> candidates = read.items();
            Map<MessageId, MessageRows.Row> byId = new HashMap<>();
            messages.findAll(actor.practiceId(), candidates.stream().map(SearchTokenRows.Candidate::message).toList())
                    .forEach(m -> byId.put(m.id(), m));
            // The candidates' conversations not read yet, in one query.
            List<ConversationId> unread = candidates.stream().map(SearchTokenRows.Candidate::conversation).distinct()
                    .filter(id -> !rows.containsKey(id)).toList();
            conversations.findAll(actor.practiceId(), unread).forEach(r -> rows.put(r.id(), r));
            for (SearchTokenRows.Candidate c : candidates) {
                position = new KeysetCursor(c.createdAt(), c.message().value());
                // While a re-index runs, a message may hold a word under the old key and the new one.
                if (!seen.add(c.message())) {
                    continue;
                }
                MessageRows.Row m = byId.get(c.message());
                ConversationRow row = m == null ? null : rows.computeIfAbsent(c.conversation(),
                        id -> conversations.find(actor.practiceId(), id).orElse(null));
                // The index's filter decided this already; the rows decide it again.
                if (row == null || !ConversationAccess.mayAccess(actor, row) || (m.internal() && !actor.isStaff())) {
                    continue;
                }
                Found confirmed = confirm(row, m, terms, filesOf);
                if (confirmed == null) {
                    continue;
                }
                if (found.size() == query.limit()) {
                    more = true;
                    break;
                }
                found.add(confirmed);
            }
            if (more) {
                break;
            }
            if (candidates.size() < batch) {
                if (read.scannedTo() == null) {
                    break;
                }
                // The read reached its bound of index rows: the next one goes on from there.
                position = read.scannedTo();
            }
            if (round == MAX_ROUNDS - 1) {
                // Many rows read and too few found: the next page goes on from here.
                more = true;
            }
        }
        String nextCursor = !more ? null
                : found.size() == query.limit() ? cursorOf(found.get(found.size() - 1)) : position.encode();
        List<Hit> hits = hits(actor, found, rows);
        record(actor, found);
        return new Page(hits, nextCursor);
    }

    /**
     * The tokens of each query word to look up, under every search key; on the index range of a
     * word, the rarest word first (its range is read, the others are key probes), and none at all
     * when a word is in no message.
     */
    private List<long[]> wordTokens(Actor actor, List<SearchTerms.QueryTerm> terms, SearchTokenRows.Filter filter) {
        // Two query words looked up by the same first letters are one lookup; the confirmation tells them apart.
        Set<String> indexTerms = new LinkedHashSet<>();
        terms.forEach(t -> indexTerms.add(t.indexTerm()));
        List<long[]> wordTokens = new ArrayList<>(indexTerms.stream()
                .map(t -> blindIndex.tokensForSearch(actor.practiceId(), t)).toList());
        if (filter.byConversation()) {
            return wordTokens;
        }
        long[] counts = tokens.counts(actor.practiceId(), wordTokens, COUNT_CAP);
        int rarest = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] < counts[rarest]) {
                rarest = i;
            }
        }
        if (counts[rarest] == 0) {
            return List.of();
        }
        wordTokens.add(0, wordTokens.remove(rarest));
        return wordTokens;
    }

    /** The plan of a search's first read of the index, on PostgreSQL (for the benchmark). */
    List<String> explain(Actor actor, Query query) {
        SearchTokenRows.Filter filter = filter(actor, query);
        List<long[]> wordTokens = wordTokens(actor, checkedTerms(query.q()), filter);
        return wordTokens.isEmpty() ? List.of("(a word is in no message)")
                : tokens.explain(actor.practiceId(), wordTokens, filter, SCAN, Math.min(500, query.limit() * 2 + 10));
    }

    /** A candidate that its decrypted text confirmed. */
    private record Found(ConversationRow row, MessageRows.Row message, String body, String subject,
            List<Highlight> highlights) {
    }

    private static String cursorOf(Found f) {
        return new KeysetCursor(f.message().createdAt(), f.message().id().value()).encode();
    }

    /** The candidate checked against its decrypted text; null when it does not match, or does not decrypt. */
    private Found confirm(ConversationRow row, MessageRows.Row m, List<SearchTerms.QueryTerm> terms,
            Map<ConversationId, Map<UUID, List<AttachmentView>>> filesOf) {
        String body;
        String subject;
        Map<String, String> details;
        List<AttachmentView> files;
        try {
            body = cipher.decryptBody(m.practiceId(), m.conversationId(), m.id(), m.bodyCiphertext());
            // Read for every hit (its conversation shows the subject): a broken one leaves the hit out here.
            subject = views.subject(row);
            // Read for every hit too (its conversation shows them).
            details = views.details(row);
            files = filesOf.computeIfAbsent(row.id(), id -> attachments.of(row.practiceId(), id))
                    .getOrDefault(m.id().value(), List.of());
        } catch (DecryptionFailedException e) {
            // One damaged row must not fail every search that meets it; its ids only, never text.
            log.warn("Search left out message {} of conversation {} (practice {}): it does not decrypt", m.id(),
                    m.conversationId(), m.practiceId());
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", body);
        if (m.seq() == 1) {
            fields.put("subject", subject);
            fields.put("details", String.join(" ", details.values()));
        } else {
            subject = null;
        }
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
        // A patient's records are few messages: read them, rather than the practice's index of a word.
        boolean byConversation = actor.isPatient() || query.patientId() != null;
        return new SearchTokenRows.Filter(String.join(" and ", conditions), params, actor.isStaff(), query.from(),
                query.to(), byConversation);
    }
}
