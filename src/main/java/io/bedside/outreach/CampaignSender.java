package io.bedside.outreach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.system.SystemConversations;
import io.bedside.identity.PatientLinks;
import io.bedside.patient.Patient;
import io.bedside.patient.Patients;
import io.bedside.patient.system.SystemPatients;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.Practice;
import io.bedside.shared.ConflictException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.Timestamps;

/**
 * Sends campaigns in the background. A campaign whose time has come is enrolled: the cohort is
 * selected once and each patient written down as a pending recipient, in one transaction. Then,
 * tick by tick and within the care team's office hours, pending recipients are taken in small
 * transactions ({@code FOR UPDATE SKIP LOCKED}), each patient's conversation is started and the
 * recipient marked sent in the same commit. A crash loses nothing and repeats nothing: an
 * uncommitted batch rolls back whole and is taken again, by this node after a restart or by
 * another node. The rate limit keeps ordinary sends unhurried.
 *
 * <p>Transactions by {@link TransactionTemplate}, not {@code @Transactional}: one tick runs many
 * (enrolment, then one per batch, and a savepoint per patient so one failure skips only that
 * patient), and each batch must commit before the next is taken.
 */
@Component
public class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);

    private final CampaignRows rows;
    private final CohortSelection selection;
    private final Patients patients;
    private final SystemPatients systemPatients;
    private final SystemConversations conversations;
    private final CareTeams careTeams;
    private final PatientLinks links;
    private final OutreachProperties properties;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final CampaignMeters meters;
    private double permits;
    private Instant lastRefill;

    CampaignSender(CampaignRows rows, CohortSelection selection, Patients patients, SystemPatients systemPatients,
            SystemConversations conversations, CareTeams careTeams, PatientLinks links, OutreachProperties properties,
            PlatformTransactionManager transactions, Clock clock, CampaignMeters meters) {
        this.meters = meters;
        this.rows = rows;
        this.selection = selection;
        this.patients = patients;
        this.systemPatients = systemPatients;
        this.conversations = conversations;
        this.careTeams = careTeams;
        this.links = links;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bedside.outreach.tick:1s}", initialDelayString = "${bedside.outreach.tick:1s}")
    void tick() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending campaigns failed; trying again at the next tick: {}", e.toString());
        }
    }

    /** One tick: enrolls campaigns that are due, then sends as many messages as the rate allows. */
    public synchronized int sendDue() {
        startDue();
        Instant now = Timestamps.now(clock);
        double elapsed = lastRefill == null ? properties.tick().toMillis() / 1000.0
                : Math.max(0, Duration.between(lastRefill, now).toMillis() / 1000.0);
        lastRefill = now;
        permits = Math.min(properties.rate(), permits + elapsed * properties.rate());
        int sent = send((int) permits);
        permits -= sent;
        return sent;
    }

    /** Enrolls every scheduled campaign whose time has come; returns how many. */
    public int startDue() {
        int[] targeted = {0};
        Integer started = transaction.execute(tx -> {
            Instant now = Timestamps.now(clock);
            List<CampaignRows.Row> due = rows.claimDue(now, 10);
            for (CampaignRows.Row campaign : due) {
                var selected = selection.select(campaign.practiceId(), selection.cohort(campaign), now);
                targeted[0] += selected.size();
                rows.enroll(campaign.practiceId(), campaign.id(), selected);
                rows.start(campaign.id(), selected.size(), now);
                rows.finishIfDone(campaign.id(), now);
                log.info("Campaign {} started: {} patients", campaign.id(), selected.size());
            }
            return due.size();
        });
        meters.targeted(targeted[0]);
        return started == null ? 0 : started;
    }

    /**
     * Sends up to {@code max} messages of the campaigns being sent whose care team is open now, in
     * transactions of at most the batch size. Returns how many were sent.
     */
    public int send(int max) {
        int sent = 0;
        List<CampaignRows.Row> sending = rows.sending();
        meters.sending(sending.size());
        for (CampaignRows.Row campaign : sending) {
            if (sent >= max) {
                break;
            }
            Instant now = Timestamps.now(clock);
            if (!careTeams.officeHours(campaign.practiceId(), campaign.careTeamId()).isOpen(now)) {
                continue;
            }
            Recipe recipe = recipe(campaign);
            while (sent < max) {
                int want = Math.min(properties.batchSize(), max - sent);
                Tally tally = transaction.execute(tx -> sendBatch(campaign, recipe, want));
                int n = tally == null ? 0 : tally.taken();
                if (tally != null) {
                    meters.done(tally.taken() - tally.skipped(), tally.skipped());
                }
                sent += n;
                if (n < want) {
                    rows.finishIfDone(campaign.id(), Timestamps.now(clock));
                    break;
                }
            }
        }
        return sent;
    }

    /** One batch: how many recipients it took, and how many of them were skipped rather than written to. */
    private record Tally(int taken, int skipped) {
    }

    private Tally sendBatch(CampaignRows.Row campaign, Recipe recipe, int limit) {
        List<CampaignRows.Pending> taken = rows.claimPending(campaign.id(), limit);
        int skipped = 0;
        for (CampaignRows.Pending recipient : taken) {
            try {
                Boolean written = savepoint.execute(tx -> sendOne(campaign, recipe, recipient));
                if (!Boolean.TRUE.equals(written)) {
                    skipped++;
                }
            } catch (RuntimeException e) {
                skipped++;
                // Ids only: the text and the patient's name never reach a log.
                log.warn("Campaign {} could not write to patient {}; skipped: {}", campaign.id(),
                        recipient.patientId(), e.getClass().getSimpleName());
                rows.markSkipped(campaign.id(), recipient.patientId());
            }
        }
        return new Tally(taken.size(), skipped);
    }

    /** Writes to one recipient; false when they are skipped instead. */
    private boolean sendOne(CampaignRows.Row campaign, Recipe recipe, CampaignRows.Pending recipient) {
        Patient patient = systemPatients.campaignRecipient(campaign.practiceId(), recipient.patientId()).orElse(null);
        if (patient == null || patient.closed() || patients.optedOutOfCampaigns(campaign.practiceId(), recipient.patientId())) {
            // Opted out, or their account closed, since the campaign started: not written to.
            rows.markSkipped(campaign.id(), recipient.patientId());
            return false;
        }
        if (campaign.inviteNew()) {
            invite(campaign, patient);
        }
        String text = recipe.messages().render(patient.language(), recipe.practice().defaultLanguage(),
                patient.givenName(), recipe.practice().shownName(), recipe.team());
        ConversationId conversation = conversations.startForCampaign(campaign.practiceId(), campaign.createdBy(),
                patient.id(), campaign.careTeamId(), campaign.name(), text);
        rows.markSent(campaign.id(), patient.id(), conversation, Timestamps.now(clock));
        return true;
    }

    /**
     * Invites a patient without an account (and with an email address) just before their message:
     * the invitation email leads them to it. Anyone who cannot be invited still gets the message,
     * which they see once they have an account.
     */
    private void invite(CampaignRows.Row campaign, Patient patient) {
        if (patient.email() == null || patient.email().isBlank() || links.hasAccount(campaign.practiceId(), patient.id())) {
            return;
        }
        try {
            links.invite(campaign.practiceId(), patient.id());
        } catch (ConflictException | InvalidRequestException e) {
            log.info("Campaign {} could not invite patient {}: {}", campaign.id(), patient.id(), e.getClass().getSimpleName());
        }
    }

    /** What every message of one campaign is made from, read once per tick. */
    private record Recipe(Practice practice, String team, CampaignMessages messages) {
    }

    private Recipe recipe(CampaignRows.Row campaign) {
        return new Recipe(selection.practice(campaign.practiceId()),
                careTeams.findInPractice(campaign.practiceId(), campaign.careTeamId())
                        .map(CareTeam::name).orElse(""),
                new CampaignMessages(campaign.messageEn(), campaign.messageEs()));
    }
}
