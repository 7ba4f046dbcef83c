package io.bedside.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Out-of-office cover: a member of staff sets a period (start and end on the practice's clock) and
 * a delegate, an active colleague of the same practice who shares at least one care team with them.
 * Meanwhile {@link #routedTo} sends what would be theirs to the delegate: a new assignment
 * (messaging's {@code Triage}) and the notices of a patient's message that name them (notification's
 * triggers). The patient sees nothing of it. Setting and ending a period is audited.
 */
@Service
public class Coverage {

    /** The longest period one setting may cover. */
    static final Duration LONGEST = Duration.ofDays(366);
    // A delegate who is away too passes it on to theirs; a chain longer than this stops where it is.
    private static final int MAX_HOPS = 5;

    /**
     * A member of staff's period, on the practice's clock.
     *
     * @param activeNow whether it covers this moment
     */
    public record Cover(LocalDateTime start, LocalDateTime end, ZoneId timeZone, UserId delegateId,
            String delegateName, boolean activeNow, boolean ended) {
    }

    private final CoverageRows rows;
    private final StaffDirectory staff;
    private final CareTeams careTeams;
    private final Practices practices;
    private final AuditTrail audit;
    private final Clock clock;

    Coverage(CoverageRows rows, StaffDirectory staff, CareTeams careTeams, Practices practices, AuditTrail audit,
            Clock clock) {
        this.rows = rows;
        this.staff = staff;
        this.careTeams = careTeams;
        this.practices = practices;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's period, if one is set (also one that has ended, until it is cleared or replaced). */
    @Transactional(readOnly = true)
    public Optional<Cover> of(Actor actor) {
        actor.requireStaff();
        return rows.find(actor.practiceId(), actor.userId()).map(row -> cover(row, zone(actor.practiceId())));
    }

    /**
     * Sets the caller's period, replacing any earlier one. {@code start} and {@code end} are read on
     * the practice's clock; the end must come after the start and not have passed. A delegate who is
     * not an active colleague sharing a care team with the caller (another practice's, say) is
     * refused the same way as an id that does not exist.
     */
    @Transactional
    public Cover set(Actor actor, LocalDateTime start, LocalDateTime end, UserId delegate) {
        actor.requireStaff();
        if (start == null) {
            throw new InvalidRequestException("start", "Say when you are away from.");
        }
        if (end == null) {
            throw new InvalidRequestException("end", "Say when you are back.");
        }
        if (delegate == null) {
            throw new InvalidRequestException("delegateId", "Choose who covers for you.");
        }
        ZoneId zone = zone(actor.practiceId());
        Instant from = start.atZone(zone).toInstant();
        Instant until = end.atZone(zone).toInstant();
        Instant now = Timestamps.now(clock);
        if (!until.isAfter(from)) {
            throw new InvalidRequestException("end", "The end must come after the start.");
        }
        if (!until.isAfter(now)) {
            throw new InvalidRequestException("end", "The end has already passed.");
        }
        if (Duration.between(from, until).compareTo(LONGEST) > 0) {
            throw new InvalidRequestException("end", "A period of cover is at most a year long.");
        }
        if (delegateChoices(actor).stream().noneMatch(m -> m.id().equals(delegate))) {
            throw new InvalidRequestException("delegateId",
                    "The delegate must be an active colleague who shares a care team with you.");
        }
        CoverageRows.Row row = new CoverageRows.Row(actor.userId(), actor.practiceId(), from, until, delegate);
        rows.save(row, now);
        audit.record(AuditRecord.allowed(actor, null, AuditAction.COVERAGE_SET, "staff", actor.userId()));
        return cover(row, zone);
    }

    /** Ends the caller's cover at once (or removes one still to come); false when none was set. */
    @Transactional
    public boolean clear(Actor actor) {
        actor.requireStaff();
        boolean cleared = rows.delete(actor.practiceId(), actor.userId());
        if (cleared) {
            audit.record(AuditRecord.allowed(actor, null, AuditAction.COVERAGE_CLEARED, "staff", actor.userId()));
        }
        return cleared;
    }

    /** Whom the caller may choose: active colleagues who share at least one care team with them, by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> delegateChoices(Actor actor) {
        actor.requireStaff();
        Map<UserId, StaffMember> colleagues = new LinkedHashMap<>();
        for (CareTeam team : careTeams.inPractice(actor.practiceId())) {
            if (team.members().stream().anyMatch(m -> m.id().equals(actor.userId()))) {
                team.members().stream().filter(m -> m.active() && !m.id().equals(actor.userId()))
                        .forEach(m -> colleagues.putIfAbsent(m.id(), m));
            }
        }
        List<StaffMember> choices = new ArrayList<>(colleagues.values());
        choices.sort(Comparator.comparing(StaffMember::displayName));
        return choices;
    }

    /**
     * Who takes what would go to this member of staff now: their delegate while they are away (and
     * that delegate's, if they are away too), else themselves.
     */
    @Transactional(readOnly = true)
    public UserId routedTo(PracticeId practice, UserId member) {
        if (member == null) {
            return null;
        }
        Instant now = Timestamps.now(clock);
        Set<UserId> seen = new HashSet<>();
        UserId current = member;
        for (int hop = 0; hop < MAX_HOPS && seen.add(current); hop++) {
            Optional<CoverageRows.Row> away = rows.awayAt(practice, List.of(current), now).stream().findFirst();
            if (away.isEmpty() || seen.contains(away.get().delegateId())) {
                break;
            }
            current = away.get().delegateId();
        }
        return current;
    }

    private Cover cover(CoverageRows.Row row, ZoneId zone) {
        Instant now = Timestamps.now(clock);
        String name = staff.find(row.practiceId(), row.delegateId()).map(StaffMember::displayName).orElse("");
        return new Cover(LocalDateTime.ofInstant(row.startsAt(), zone), LocalDateTime.ofInstant(row.endsAt(), zone),
                zone, row.delegateId(), name, !row.startsAt().isAfter(now) && row.endsAt().isAfter(now),
                !row.endsAt().isAfter(now));
    }

    private ZoneId zone(PracticeId practice) {
        return practices.find(practice).orElseThrow(NotFoundException::new).timeZone();
    }
}
