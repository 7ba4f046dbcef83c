package io.bedside.practice;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;

/** The practices of this deployment. */
@Service
public class Practices {

    private final PracticeRows rows;
    private final Clock clock;
    private final TransactionMemo memo;

    Practices(PracticeRows rows, Clock clock, TransactionMemo memo) {
        this.rows = rows;
        this.clock = clock;
        this.memo = memo;
    }

    @Transactional
    public Practice create(String slug, String name, ZoneId timeZone, String defaultLanguage) {
        memo.forget();
        Practice practice = new Practice(PracticeId.random(), slug, name, timeZone, defaultLanguage);
        rows.insert(practice, clock.instant());
        return practice;
    }

    public Optional<Practice> find(PracticeId id) {
        return memo.get(List.of("practice", id), () -> rows.find(id));
    }

    public Optional<Practice> findBySlug(String slug) {
        return rows.findBySlug(slug);
    }

    /** Every practice of the deployment, by slug (for the operator's commands). */
    public List<Practice> all() {
        return rows.all();
    }

    /**
     * The practices an operator's command names: {@code all}, or one practice's slug (empty when no
     * practice has it).
     */
    public List<Practice> named(String allOrSlug) {
        String which = allOrSlug.strip();
        return "all".equals(which) ? all() : findBySlug(which).stream().toList();
    }

    /**
     * Stores the practice's details as given (checked by the caller): name, display name, time zone,
     * default language, phone and address. The id and slug never change. A time zone takes effect at
     * once: office hours and due times read it on every use.
     */
    @Transactional
    public void update(Practice changed) {
        memo.forget();
        if (!rows.update(changed, clock.instant())) {
            throw new NotFoundException("No such practice.");
        }
    }

    /** Today on the practice's calendar (its time zone): what birthdays and ages are counted by. */
    public java.time.LocalDate today(PracticeId id) {
        return java.time.LocalDate.ofInstant(clock.instant(), find(id).map(Practice::timeZone).orElse(ZoneId.of("UTC")));
    }

    /** The practice's confidential age range (adolescent confidentiality); the default if unset. */
    public ConfidentialAges confidentialAges(PracticeId id) {
        return memo.get(List.of("confidential-ages", id), () -> rows.confidentialAges(id))
                .orElse(ConfidentialAges.DEFAULT);
    }

    /** Sets the practice's confidential age range (checked by {@link ConfidentialAges}). */
    @Transactional
    public void setConfidentialAges(PracticeId id, ConfidentialAges ages) {
        memo.forget();
        if (!rows.setConfidentialAges(id, ages, clock.instant())) {
            throw new NotFoundException("No such practice.");
        }
    }

    /**
     * Whether the patient's status line names the member of staff handling a conversation only by
     * their role (a nurse) instead of by name and role (Jenny Kim, RN); false unless set.
     */
    public boolean statusLineShowsRoleOnly(PracticeId id) {
        return memo.get(List.of("status-line-role-only", id), () -> rows.statusLineShowsRoleOnly(id)).orElse(false);
    }

    /** Sets how the patient's status line names the member of staff handling a conversation. */
    @Transactional
    public void setStatusLineShowsRoleOnly(PracticeId id, boolean roleOnly) {
        memo.forget();
        if (!rows.setStatusLineShowsRoleOnly(id, roleOnly, clock.instant())) {
            throw new NotFoundException("No such practice.");
        }
    }

    public boolean existsWithSlug(String slug) {
        return rows.existsWithSlug(slug);
    }
}
