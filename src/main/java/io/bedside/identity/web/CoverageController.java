package io.bedside.identity.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.identity.Coverage;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.UserId;

/**
 * A member of staff's out-of-office cover: {@code GET} (404 when none is set), {@code PUT}
 * {@code {start, end, delegateId}} with start and end as local date-times on the practice's clock
 * ({@code 2026-12-01T08:00}), {@code DELETE} to end it; and the colleagues who may cover. Patients
 * get 404, as for any staff-only address.
 */
@RestController
class CoverageController {

    record CoverRequest(String start, String end, String delegateId) {
    }

    record PersonView(String id, String displayName) {
        @Override
        public String toString() {
            return "PersonView[" + id + "]";
        }
    }

    record CoverView(String start, String end, String timeZone, PersonView delegate, boolean activeNow,
            boolean ended) {
        static CoverView of(Coverage.Cover c) {
            return new CoverView(c.start().toString(), c.end().toString(), c.timeZone().getId(),
                    new PersonView(c.delegateId().toString(), c.delegateName()), c.activeNow(), c.ended());
        }
    }

    record Delegates(List<PersonView> items) {
    }

    private final Coverage coverage;

    CoverageController(Coverage coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/api/v1/me/coverage")
    CoverView get(@AuthenticationPrincipal Actor actor) {
        return coverage.of(actor).map(CoverView::of)
                .orElseThrow(() -> new NotFoundException("No out-of-office period is set."));
    }

    @PutMapping("/api/v1/me/coverage")
    CoverView put(@AuthenticationPrincipal Actor actor, @RequestBody CoverRequest request) {
        return CoverView.of(coverage.set(actor, time("start", request.start()), time("end", request.end()),
                request.delegateId() == null ? null : UserId.of(Ids.parseField("delegateId", request.delegateId()))));
    }

    @DeleteMapping("/api/v1/me/coverage")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor) {
        coverage.clear(actor);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/coverage/delegates")
    Delegates delegates(@AuthenticationPrincipal Actor actor) {
        return new Delegates(coverage.delegateChoices(actor).stream()
                .map(m -> new PersonView(m.id().toString(), m.displayName())).toList());
    }

    static LocalDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, field + " must be a date and time such as 2026-12-01T08:00.");
        }
    }
}
