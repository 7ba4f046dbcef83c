package io.bedside.workflow.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.shared.Actor;
import io.bedside.workflow.UrgentPhrases;
import io.bedside.workflow.UrgentWords;

/**
 * {@code GET /api/v1/urgent-phrases}: the caller's practice's urgent phrases (English and Spanish
 * together, its own or Bedside's defaults), for a check while the patient types. Any signed-in
 * user of the practice, patients and proxies included. Phrases only, no PHI; kept a minute by the
 * browser, as long as the server keeps its matchers.
 */
@RestController
class UrgentPhraseController {

    /** The phrases as the practice keeps them, and how many other words may stand between two of a phrase's words. */
    record UrgentPhrasesJson(List<String> phrases, int maxGap) {
    }

    private final UrgentPhrases phrases;

    UrgentPhraseController(UrgentPhrases phrases) {
        this.phrases = phrases;
    }

    @GetMapping("/api/v1/urgent-phrases")
    ResponseEntity<UrgentPhrasesJson> list(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate())
                .body(new UrgentPhrasesJson(phrases.of(actor.practiceId()), UrgentWords.MAX_GAP));
    }
}
