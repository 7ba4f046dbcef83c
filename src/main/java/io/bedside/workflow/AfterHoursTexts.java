package io.bedside.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PracticeId;
import io.bedside.workflow.internal.WorkflowTexts;

/**
 * The after-hours reply in each practice's own words, in English and Spanish, with the
 * placeholders {practice}, {opens}, {due} and {phone}; Bedside's wording where a practice has none.
 */
@Service
public class AfterHoursTexts {

    public static final List<String> LANGUAGES = List.of("en", "es");

    private final AfterHoursTextRows rows;
    private final AuditTrail audit;

    AfterHoursTexts(AfterHoursTextRows rows, AuditTrail audit) {
        this.rows = rows;
        this.audit = audit;
    }

    /** The wording, placeholders still in, for each language. */
    public Map<String, String> of(PracticeId practice) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            texts.put(language, own(practice, language).orElse(WorkflowTexts.afterHours("{practice}", "{opens}", "{due}", language, null)));
        }
        return texts;
    }

    /**
     * The reply for one patient. {@code phone} (the practice's, or null) fills {phone} in a
     * practice's own wording and adds a "call us" line to Bedside's.
     */
    public String render(PracticeId practice, String language, String practiceName, String phone, String opens,
            String due) {
        String lang = WorkflowTexts.spanish(language) ? "es" : "en";
        return own(practice, lang).map(t -> t.replace("{practice}", practiceName).replace("{opens}", opens)
                .replace("{due}", due).replace("{phone}", phone == null ? "" : phone))
                .orElse(WorkflowTexts.afterHours(practiceName, opens, due, lang, phone));
    }

    @Transactional
    public void set(Actor actor, Map<String, String> texts) {
        actor.requireStaff();
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins change the after-hours reply.");
        }
        for (String language : LANGUAGES) {
            String text = texts.get(language);
            if (text == null || text.isBlank() || text.length() > 2000) {
                throw new InvalidRequestException("afterHours." + language,
                        "Write the after-hours reply (at most 2,000 characters) in every language.");
            }
            if (!text.contains("911")) {
                throw new InvalidRequestException("afterHours." + language,
                        "The after-hours reply must tell patients to call 911 in an emergency.");
            }
        }
        Map<String, String> stripped = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            stripped.put(language, texts.get(language).strip());
        }
        rows.replace(actor.practiceId(), stripped);
        audit.record(AuditRecord.allowed(actor, null, "after_hours_text.changed", "practice", actor.practiceId()));
    }

    private Optional<String> own(PracticeId practice, String language) {
        return rows.find(practice, language);
    }
}
