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
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.outreach.internal.CampaignRows;
import io.bedside.patient.Patient;
import io.bedside.patient.PatientDirectory;
import io.bedside.patient.Patients;
import io.bedside.patient.system.SystemPatients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffDirectory;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.ConflictException;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * A practice's outreach campaigns: previewing a cohort, creating, reading and stopping campaigns,
 * who may send them, and each patient's choice to receive them or not. Practice admins send
 * campaigns, and the staff members an admin allows; every member of staff may read them (their
 * replies land in the team's inbox). Patients never see a campaign, only its message to them.
 */
@Service
public class Campaigns {

    static final int SAMPLE_SIZE = 10;
    /** An opt-out from the settings page counts against the latest campaign message of this long ago. */
    static final Duration OPT_OUT_ATTRIBUTION = Duration.ofDays(30);

    private final CampaignRows rows;
    private final Patients patients;
    private final SystemPatients systemPatients;
    private final PatientDirectory directory;
    private final Practices practices;
    private final CareTeams careTeams;
    private final StaffDirectory staff;
    private final io.bedside.identity.Accounts accounts;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    Campaigns(CampaignRows rows, Patients patients, SystemPatients systemPatients, PatientDirectory directory,
            Practices practices, CareTeams careTeams, StaffDirectory staff,
            io.bedside.identity.Accounts accounts, AuditTrail audit, TransactionTemplate transaction, JsonMapper json,
            Clock clock) {
        this.rows = rows;
        this.patients = patients;
        this.systemPatients = systemPatients;
        this.directory = directory;
        this.practices = practices;
        this.careTeams = careTeams;
        this.staff = staff;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------ who may

    /** Practice admins, and the staff members an admin allowed. */
    public boolean mayCreate(Actor actor) {
        return actor.isStaff() && (actor.isPracticeAdmin() || rows.isSender(actor.practiceId(), actor.userId()));
    }

    private void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw new NotFoundException("Not found.");
        }
    }

    private void requireCreator(Actor actor) {
        requireStaff(actor);
        if (!mayCreate(actor)) {
            throw new ForbiddenException("Only practice admins, and staff they allow, send campaigns.");
        }
    }

    /** A member of staff of the practice and whether they may send campaigns. */
    public record Sender(StaffMember member, boolean admin, boolean allowed) {
    }

    public List<Sender> senders(Actor actor) {
        requireAdmin(actor);
        Set<UserId> allowed = rows.senders(actor.practiceId());
        return staff.all(actor.practiceId()).stream().filter(StaffMember::active)
                .map(m -> new Sender(m, m.role() == io.bedside.shared.StaffRole.PRACTICE_ADMIN, allowed.contains(m.id())))
                .toList();
    }

    public void setSender(Actor actor, UserId member, boolean allowed) {
        requireAdmin(actor);
        staff.find(actor.practiceId(), member).orElseThrow(() -> new NotFoundException("No such member of staff."));
        transaction.executeWithoutResult(tx -> {
            if (allowed) {
                rows.allow(actor.practiceId(), member, actor.userId(), Timestamps.now(clock));
            } else {
                rows.disallow(actor.practiceId(), member);
            }
            audit.record(AuditRecord.allowed(actor, null, allowed ? "campaign-sender.allowed"
                    : "campaign-sender.disallowed", "staff", member));
        });
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isStaff()) {
            throw new NotFoundException("Not found.");
        }
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins choose who sends campaigns.");
        }
    }

    // ------------------------------------------------------------ cohort

    public CohortPreview preview(Actor actor, Cohort cohort) {
        requireCreator(actor);
        List<PatientId> selected = select(actor.practiceId(), cohort, Timestamps.now(clock));
        LocalDate today = today(practice(actor.practiceId()).timeZone());
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

    /** The practice's patients the cohort selects at {@code now}, opted-out patients never among them. */
    List<PatientId> select(PracticeId practice, Cohort cohort, Instant now) {
        List<PatientId> selected = systemPatients.campaignCohort(practice, cohort.criteria(),
                today(practice(practice).timeZone()));
        if (cohort.notContactedDays() == null) {
            return selected;
        }
        Set<PatientId> recent = rows.contactedSince(practice, now.minus(Duration.ofDays(cohort.notContactedDays())));
        return selected.stream().filter(p -> !recent.contains(p)).toList();
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
        Practice practice = practice(actor.practiceId());
        List<PatientId> selected = select(actor.practiceId(), checked.cohort(), checked.now());
        Map<String, List<PatientId>> byLanguage = new java.util.TreeMap<>();
        systemPatients.languages(actor.practiceId(), selected).forEach((id, language) ->
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

    public Campaign create(Actor actor, NewCampaign request) {
        Checked checked = check(actor, request);
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(tx -> {
            rows.insert(new CampaignRows.Row(id, actor.practiceId(), checked.team().id(), checked.name(),
                    json.writeValueAsString(checked.cohort().toJson()), checked.messages().en(),
                    checked.messages().es(), CampaignStatus.SCHEDULED, checked.sendAt(), actor.userId(), checked.now(),
                    null, null, null, request.inviteNew()));
            audit.record(AuditRecord.allowed(actor, null, "campaign.created", "campaign", id));
        });
        return view(rows.find(actor.practiceId(), id).orElseThrow());
    }

    /** A campaign request that passed every check. */
    private record Checked(String name, CareTeam team, CampaignMessages messages, Cohort cohort, Instant now,
            Instant sendAt) {
    }

    private Checked check(Actor actor, NewCampaign request) {
        requireCreator(actor);
        Practice practice = practice(actor.practiceId());
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

    public Campaign get(Actor actor, UUID id) {
        requireStaff(actor);
        return view(rows.find(actor.practiceId(), id).orElseThrow(() -> new NotFoundException("No such campaign.")));
    }

    /** The practice's campaigns, newest first. */
    public List<Campaign> list(Actor actor) {
        requireStaff(actor);
        return rows.ofPractice(actor.practiceId(), 100).stream().map(this::view).toList();
    }

    /** Stops a campaign: if it is sending, the messages not yet sent are never sent. */
    public Campaign cancel(Actor actor, UUID id) {
        requireCreator(actor);
        rows.find(actor.practiceId(), id).orElseThrow(() -> new NotFoundException("No such campaign."));
        boolean stopped = Boolean.TRUE.equals(transaction.execute(tx -> {
            boolean changed = rows.cancel(actor.practiceId(), id, actor.userId(), Timestamps.now(clock));
            if (changed) {
                audit.record(AuditRecord.allowed(actor, null, "campaign.cancelled", "campaign", id));
            }
            return changed;
        }));
        if (!stopped) {
            throw new ConflictException("This campaign has already finished.");
        }
        return get(actor, id);
    }

    Campaign view(CampaignRows.Row row) {
        Cohort cohort = cohort(row);
        Funnel funnel = row.status() == CampaignStatus.SCHEDULED
                ? new Funnel(select(row.practiceId(), cohort, Timestamps.now(clock)).size(), 0, 0, 0, 0)
                : rows.funnel(row.id());
        String team = careTeams.findInPractice(row.practiceId(), row.careTeamId()).map(CareTeam::name).orElse("");
        String author = staff.find(row.practiceId(), row.createdBy()).map(StaffMember::displayName).orElse("");
        return new Campaign(row.id(), row.practiceId(), row.name(), row.careTeamId(), team, cohort,
                new CampaignMessages(row.messageEn(), row.messageEs()), row.status(), row.sendAt(), row.createdBy(),
                author, row.createdAt(), row.startedAt(), row.finishedAt(), funnel, row.inviteNew());
    }

    @SuppressWarnings("unchecked")
    Cohort cohort(CampaignRows.Row row) {
        return Cohort.parse(json.readValue(row.cohortJson(), Map.class));
    }

    // ------------------------------------------------------------ the patient's choice

    /** Whether the signed-in patient said no to campaign messages. */
    public boolean optedOut(Actor actor) {
        requirePatient(actor);
        return patients.optedOutOfCampaigns(actor.practiceId(), actor.patientId());
    }

    /**
     * The patient's choice from their settings. Saying no is counted against the latest campaign
     * that wrote to them (within 30 days), for that campaign's funnel.
     */
    public void setOptedOut(Actor actor, boolean optedOut) {
        requirePatient(actor);
        transaction.executeWithoutResult(tx -> {
            boolean before = patients.optedOutOfCampaigns(actor.practiceId(), actor.patientId());
            patients.setOptedOutOfCampaigns(actor.practiceId(), actor.patientId(), optedOut);
            if (optedOut && !before) {
                Instant now = Timestamps.now(clock);
                rows.markOptedOut(actor.practiceId(), actor.patientId(), null, now.minus(OPT_OUT_ATTRIBUTION), now);
            }
            audit.record(AuditRecord.allowed(actor, actor.patientId(), optedOut ? "campaigns.opted-out"
                    : "campaigns.opted-in", "patient", actor.patientId()));
        });
    }

    /** The patient says no to campaigns from one campaign's message; 404 unless it is one to them. */
    public void optOutFrom(Actor actor, ConversationId conversation) {
        requirePatient(actor);
        if (!rows.isCampaignConversation(actor.practiceId(), actor.patientId(), conversation.value())) {
            throw new NotFoundException("No such campaign message.");
        }
        transaction.executeWithoutResult(tx -> {
            Instant now = Timestamps.now(clock);
            patients.setOptedOutOfCampaigns(actor.practiceId(), actor.patientId(), true);
            rows.markOptedOut(actor.practiceId(), actor.patientId(), conversation.value(), now, now);
            audit.record(AuditRecord.allowed(actor, actor.patientId(), "campaigns.opted-out", "conversation",
                    conversation));
        });
    }

    /** Whether a conversation the patient can see is a campaign's message to them. */
    public boolean isCampaignMessage(Actor actor, ConversationId conversation) {
        return actor.isPatient()
                && rows.isCampaignConversation(actor.practiceId(), actor.patientId(), conversation.value());
    }

    private static void requirePatient(Actor actor) {
        if (!actor.isPatient()) {
            throw new NotFoundException("Not found.");
        }
    }

    // ------------------------------------------------------------ helpers

    Practice practice(PracticeId id) {
        return practices.find(id).orElseThrow(() -> new NotFoundException("No such practice."));
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Whether a patient opted out of campaigns, for the sender. */
    boolean optedOut(PracticeId practice, PatientId patient) {
        return patients.optedOutOfCampaigns(practice, patient);
    }

    /** The patient a recipient row names, for the sender (recorded on their trail as the campaign's read). */
    java.util.Optional<Patient> patient(PracticeId practice, PatientId id) {
        return systemPatients.campaignRecipient(practice, id);
    }
}
