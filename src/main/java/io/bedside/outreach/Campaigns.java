package io.bedside.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.Accounts;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.system.SystemPatients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.practice.Practice;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UnprocessableException;

/**
 * A practice's outreach campaigns: previewing a cohort, reviewing, creating, reading and stopping
 * campaigns. Practice admins send campaigns, and the staff members an admin allows
 * ({@link CampaignCreators}); every member of staff may read them (their replies land in the
 * team's inbox). Patients never see a campaign, only its message to them; their say over campaigns
 * is {@link CampaignOptOuts}'.
 */
@Service
public class Campaigns {

    static final int SAMPLE_SIZE = 10;

    private final CampaignRows rows;
    private final CohortSelection selection;
    private final CampaignCreators creators;
    private final SystemPatients patients;
    private final PatientDirectory directory;
    private final CareTeams careTeams;
    private final StaffDirectory staff;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Campaigns(CampaignRows rows, CohortSelection selection, CampaignCreators creators, SystemPatients patients,
            PatientDirectory directory, CareTeams careTeams, StaffDirectory staff, Accounts accounts, AuditTrail audit,
            Clock clock) {
        this.rows = rows;
        this.selection = selection;
        this.creators = creators;
        this.patients = patients;
        this.directory = directory;
        this.careTeams = careTeams;
        this.staff = staff;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ cohort

    public CohortPreview preview(Actor actor, Cohort cohort) {
        creators.requireCreator(actor);
        List<PatientId> selected = selection.select(actor.practiceId(), cohort, Timestamps.now(clock));
        LocalDate today = selection.today(selection.practice(actor.practiceId()).timeZone());
        List<CohortPreview.Member> sample = new ArrayList<>();
        for (PatientId id : selected.subList(0, Math.min(SAMPLE_SIZE, selected.size()))) {
            // Each patient the sample shows is an access to their data, on their own audit trail.
            directory.shown(actor, id, "cohort.previewed").ifPresent(p -> sample.add(
                    new CohortPreview.Member(p.id(), p.displayName(), p.ageOn(today), p.sex().code(), p.language())));
        }
        Set<PatientId> reachable = accounts.patientsWithAccount(actor.practiceId());
        int withAccount = (int) selected.stream().filter(reachable::contains).count();
        audit.record(AuditRecord.allowed(actor, null, "cohort.previewed", "campaign", "preview"));
        return new CohortPreview(selected.size(), withAccount, sample);
    }

    // ------------------------------------------------------------ campaigns

    /**
     * What a campaign would do if created now: when it goes out, whom it selects, and what they
     * read, per language. Writes nothing.
     */
    public record Review(Instant sendAt, boolean now, CohortPreview preview, List<LanguageText> texts) {

        public Review {
            texts = List.copyOf(texts);
        }

        /** The languages some selected patients read and the campaign has no text in. */
        public List<LanguageText> missing() {
            return texts.stream().filter(t -> !t.written()).toList();
        }
    }

    /**
     * The finished message as the selected patients who read {@code language} get it.
     *
     * @param patients  how many selected patients read it
     * @param written   the campaign has a text in it; if not, they get the text in {@code shownIn}
     * @param shownIn   the language of the text they get
     * @param sample    whose first name fills the sample (a selected patient who reads it)
     * @param text      the text filled in for that patient, the practice and the care team. PHI.
     */
    public record LanguageText(String language, long patients, boolean written, String shownIn, String sample,
            String text) {
        @Override
        public String toString() {
            return "LanguageText[" + language + "]";
        }
    }

    /** Checks a campaign as {@link #create} would and says what it would do, for a last look before sending. */
    public Review review(Actor actor, NewCampaign request) {
        Checked checked = check(actor, request);
        return new Review(checked.sendAt(), !checked.sendAt().isAfter(checked.now()), preview(actor, checked.cohort()),
                texts(actor, checked));
    }

    /**
     * One finished message per language the selection reads, filled in for one patient of the
     * selection who reads it (recorded on that patient's audit trail, as the preview's sample is).
     */
    private List<LanguageText> texts(Actor actor, Checked checked) {
        Practice practice = selection.practice(actor.practiceId());
        List<PatientId> selected = selection.select(actor.practiceId(), checked.cohort(), checked.now());
        Map<String, List<PatientId>> byLanguage = new TreeMap<>();
        patients.languages(actor.practiceId(), selected).forEach((id, language) ->
                byLanguage.computeIfAbsent(CampaignMessages.primary(language == null || language.isBlank()
                        ? practice.defaultLanguage() : language), l -> new ArrayList<>()).add(id));
        List<LanguageText> texts = new ArrayList<>();
        byLanguage.forEach((language, ids) -> {
            var sample = directory.shown(actor, ids.get(0), "cohort.previewed").orElseThrow();
            String shownIn = checked.messages().languageFor(language, practice.defaultLanguage());
            texts.add(new LanguageText(language, ids.size(), shownIn.equals(language), shownIn, sample.displayName(),
                    checked.messages().render(language, practice.defaultLanguage(), sample.givenName(),
                            practice.shownName(), checked.team().name())));
        });
        return texts;
    }

    @Transactional
    public Campaign create(Actor actor, NewCampaign request) {
        Checked checked = check(actor, request);
        CampaignId id = CampaignId.random();
        rows.insert(new CampaignRows.Row(id, actor.practiceId(), checked.team().id(), checked.name(),
                selection.stored(checked.cohort()), checked.messages().en(), checked.messages().es(),
                CampaignStatus.SCHEDULED, checked.sendAt(), actor.userId(), checked.now(), null, null, null,
                request.inviteNew()));
        audit.record(AuditRecord.allowed(actor, null, "campaign.created", "campaign", id));
        return view(rows.find(actor.practiceId(), id).orElseThrow());
    }

    /** A campaign request that passed every check. */
    private record Checked(String name, CareTeam team, CampaignMessages messages, Cohort cohort, Instant now,
            Instant sendAt) {
    }

    private Checked check(Actor actor, NewCampaign request) {
        creators.requireCreator(actor);
        Practice practice = selection.practice(actor.practiceId());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new InvalidRequestException("name", "Name the campaign: patients see the name as the subject.");
        }
        if (name.length() > 120) {
            throw new InvalidRequestException("name", "The name is too long: at most 120 characters.");
        }
        if (request.careTeamId() == null) {
            throw new InvalidRequestException("careTeamId", "Choose the care team that will answer the replies.");
        }
        CareTeam team = careTeams.findInPractice(actor.practiceId(), request.careTeamId())
                .orElseThrow(() -> new InvalidRequestException("careTeamId", "There is no such care team."));
        CampaignMessages messages = CampaignMessages.parse(request.messages(), practice.defaultLanguage());
        Cohort cohort = request.cohort() == null ? Cohort.everyone() : request.cohort();
        Instant now = Timestamps.now(clock);
        Instant sendAt = sendTime(request.sendAt(), careTeams.officeHours(actor.practiceId(), team.id()), now,
                practice.timeZone());
        return new Checked(name, team, messages, cohort, now, sendAt);
    }

    /**
     * When a campaign goes out: now, or at the next opening when the care team is closed (replies
     * should find someone there); a time the caller chose must be in the future and in office hours.
     */
    private static Instant sendTime(Instant requested, OfficeHours hours, Instant now, ZoneId zone) {
        if (requested == null) {
            return hours.isOpen(now) ? now : hours.nextOpening(now);
        }
        if (requested.isBefore(now.minus(Duration.ofMinutes(1)))) {
            throw new InvalidRequestException("sendAt", "sendAt is in the past. Leave it out to send now.");
        }
        if (requested.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new InvalidRequestException("sendAt", "sendAt must be within a year.");
        }
        if (!hours.isOpen(requested)) {
            throw new UnprocessableException("The care team is closed at that time. Campaigns go out in office hours; "
                    + "the next opening after it is " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                            FormatStyle.SHORT).withLocale(Locale.US).format(hours.nextOpening(requested).atZone(zone))
                    + " (" + zone.getId() + ").");
        }
        return requested.isBefore(now) ? now : requested;
    }

    public Campaign get(Actor actor, CampaignId id) {
        actor.requireStaff();
        return view(rows.find(actor.practiceId(), id).orElseThrow(() -> new NotFoundException("No such campaign.")));
    }

    /** The practice's campaigns, newest first. */
    public List<Campaign> list(Actor actor) {
        actor.requireStaff();
        return rows.ofPractice(actor.practiceId(), 100).stream().map(this::view).toList();
    }

    /** Stops a campaign: if it is sending, the messages not yet sent are never sent. */
    @Transactional
    public Campaign cancel(Actor actor, CampaignId id) {
        creators.requireCreator(actor);
        rows.find(actor.practiceId(), id).orElseThrow(() -> new NotFoundException("No such campaign."));
        if (!rows.cancel(actor.practiceId(), id, actor.userId(), Timestamps.now(clock))) {
            throw new ConflictException("This campaign has already finished.");
        }
        audit.record(AuditRecord.allowed(actor, null, "campaign.cancelled", "campaign", id));
        return get(actor, id);
    }

    private Campaign view(CampaignRows.Row row) {
        Cohort cohort = selection.cohort(row);
        Funnel funnel = row.status() == CampaignStatus.SCHEDULED
                ? new Funnel(selection.select(row.practiceId(), cohort, Timestamps.now(clock)).size(), 0, 0, 0, 0)
                : rows.funnel(row.id());
        String team = careTeams.findInPractice(row.practiceId(), row.careTeamId()).map(CareTeam::name).orElse("");
        String author = staff.find(row.practiceId(), row.createdBy()).map(StaffMember::displayName).orElse("");
        return new Campaign(row.id(), row.practiceId(), row.name(), row.careTeamId(), team, cohort,
                new CampaignMessages(row.messageEn(), row.messageEs()), row.status(), row.sendAt(), row.createdBy(),
                author, row.createdAt(), row.startedAt(), row.finishedAt(), funnel, row.inviteNew());
    }
}
