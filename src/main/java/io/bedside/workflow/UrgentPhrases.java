package io.bedside.workflow;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.TriggerPhrases;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PracticeId;

/**
 * Each practice's urgent phrases (English and Spanish together): its own list, or Bedside's
 * defaults while it has none. Matchers are kept a minute per practice, so a change reaches every
 * node within a minute.
 */
@Service
public class UrgentPhrases implements TriggerPhrases {

    private final UrgentPhraseRows rows;
    private final AuditTrail audit;
    private final Cache<PracticeId, UrgentWords> matchers = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    UrgentPhrases(UrgentPhraseRows rows, AuditTrail audit) {
        this.rows = rows;
        this.audit = audit;
    }

    @Override
    public List<String> of(PracticeId practice) {
        List<String> own = rows.of(practice);
        return own.isEmpty() ? UrgentWords.DEFAULTS : own;
    }

    public UrgentWords matcher(PracticeId practice) {
        return matchers.get(practice, p -> new UrgentWords(of(p)));
    }

    /** Where the practice's phrases are in a patient's text, found as the urgent check finds them. */
    @Override
    public List<Span> in(PracticeId practice, String text) {
        return matcher(practice).spans(text).stream().map(s -> new Span(s.start(), s.end())).toList();
    }

    /** Replaces the practice's list (practice admins); an empty list goes back to the defaults. */
    @Transactional
    public void set(Actor actor, List<String> phrases) {
        actor.requireStaff();
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins change the urgent phrases.");
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String trimmed = phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ");
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > 200 || UrgentWords.words(trimmed).length == 0) {
                throw new InvalidRequestException("phrases", "Each phrase needs a word or two, at most 200 characters.");
            }
            clean.add(trimmed);
        }
        if (clean.size() > 1000) {
            throw new InvalidRequestException("phrases", "At most 1,000 phrases.");
        }
        rows.replace(actor.practiceId(), clean);
        matchers.invalidate(actor.practiceId());
        audit.record(AuditRecord.allowed(actor, null, "urgent_phrases.changed", "practice", actor.practiceId()));
    }
}
