package io.bedside.live.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.bedside.identity.Accounts;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.NoticeFacts;
import io.bedside.live.LiveProperties;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.practice.StaffMember;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * Turns committed changes ({@code live_outbox}) into numbered events of each user's log, then rings
 * the broker's doorbell. One thread per node, woken when a transaction that staged changes
 * commits, and every {@code fan-out-sweep} in case another node staged changes and stopped before
 * fanning them out. Fan-outs on all nodes take turns on one lock, and each takes every committed
 * change there is, in the order they were written: a change that commits late is simply numbered
 * later, so none is ever skipped, and no send waits on another send's counters.
 */
@Component
class EventFanOut implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventFanOut.class);
    private static final int BATCH = 500;

    private final LiveOutboxRows outbox;
    private final LiveEventRows eventLog;
    private final LiveBroker broker;
    private final CareTeams careTeams;
    private final Accounts accounts;
    private final NoticeFacts facts;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Duration sweep;
    private final Duration linger;
    private final Semaphore doorbell = new Semaphore(0);
    private final Clock clock;
    private final Timer delivery;
    private volatile Thread worker;
    private volatile boolean running;

    EventFanOut(LiveOutboxRows outbox, LiveEventRows eventLog, LiveBroker broker, CareTeams careTeams,
            Accounts accounts, NoticeFacts facts, JsonMapper json, TransactionTemplate transaction,
            LiveProperties properties, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        // From the change's staging (in its sender's transaction) to its publication on the broker:
        // the commit, the doorbell, the fan-out's turn on its lock and its batch. Fixed buckets
        // around the target (send-to-stream p99 <= 30 ms).
        this.delivery = Timer.builder("bedside.live.delivery")
                .description("From a change's staging in the live outbox to its events' publication to the streams")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(30),
                        Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(3),
                        Duration.ofSeconds(10))
                .register(meters);
        this.facts = facts;
        this.json = json;
        this.outbox = outbox;
        this.eventLog = eventLog;
        this.broker = broker;
        this.careTeams = careTeams;
        this.accounts = accounts;
        this.transaction = transaction;
        this.sweep = properties.fanOutSweep();
        this.linger = properties.fanOutLinger();
    }

    /** Some changes committed: fan them out soon. Cheap, never blocks. */
    void wake() {
        if (doorbell.availablePermits() == 0) {
            doorbell.release();
        }
    }

    /**
     * Fans out every change committed so far, in batches; returns how many changes it handled.
     * The worker calls it; tests call it to wait for what they committed.
     */
    int drain() {
        int total = 0;
        while (true) {
            List<LiveEvent> events = new ArrayList<>();
            List<Instant> staged = new ArrayList<>();
            Integer handled = transaction.execute(status -> fanOutBatch(events, staged));
            if (!events.isEmpty()) {
                broker.publish(events);
            }
            Instant now = Timestamps.now(clock);
            for (Instant at : staged) {
                // Never negative: another node's clock may run a little ahead of this one's.
                delivery.record(at.isAfter(now) ? Duration.ZERO : Duration.between(at, now));
            }
            total += handled == null ? 0 : handled;
            if (handled == null || handled < BATCH) {
                return total;
            }
        }
    }

    private int fanOutBatch(List<LiveEvent> published, List<Instant> staged) {
        if (!outbox.anyWaiting()) {
            return 0;
        }
        outbox.lockFanOut();
        List<LiveOutboxRows.Change> changes = outbox.oldest(BATCH);
        if (changes.isEmpty()) {
            return 0;
        }
        Audiences audiences = new Audiences();
        List<LiveEventRows.Pending> pending = new ArrayList<>();
        for (LiveOutboxRows.Change c : changes) {
            for (UUID user : audiences.of(c)) {
                pending.add(new LiveEventRows.Pending(c.practiceId(), user, c.type(), c.data()));
            }
        }
        published.addAll(eventLog.append(pending));
        changes.stream().map(LiveOutboxRows.Change::stagedAt).filter(Objects::nonNull).forEach(staged::add);
        outbox.remove(changes.stream().map(LiveOutboxRows.Change::id).toList());
        return changes.size();
    }

    /**
     * Who may see each change, looked up once per batch: the team's members, the patient's account
     * and, unless the conversation is confidential, the patient's proxies.
     */
    private final class Audiences {
        private final Map<UUID, List<UUID>> teamMembers = new HashMap<>();
        private final Map<String, List<UUID>> patientReaders = new HashMap<>();

        Set<UUID> of(LiveOutboxRows.Change c) {
            PracticeId practice = new PracticeId(c.practiceId());
            String conversation = json.readTree(c.data()).path("conversationId").asString("");
            List<UUID> readers = patientReaders.computeIfAbsent(c.patientId() + "/" + conversation, key ->
                    accounts.readersOf(practice, new PatientId(c.patientId()), conversation.isEmpty()
                            || facts.confidential(practice, ConversationId.parse(conversation)))
                            .stream().map(UserId::value).toList());
            Set<UUID> users = new LinkedHashSet<>();
            if (c.toStaff()) {
                users.addAll(teamMembers.computeIfAbsent(c.careTeamId(), team ->
                        careTeams.findInPractice(practice, new CareTeamId(team)).map(CareTeam::members)
                                .orElse(List.of()).stream().map(StaffMember::id).map(UserId::value).toList()));
                if (c.actorId() != null && !readers.contains(c.actorId())) {
                    // A member of staff outside the team who acts on the conversation sees it on their other devices.
                    users.add(c.actorId());
                }
            }
            if (c.toPatient()) {
                users.addAll(readers);
            }
            return users;
        }
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::run, "bedside-live-fan-out");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    private void run() {
        while (running) {
            int handled = 0;
            try {
                handled = drain();
            } catch (RuntimeException e) {
                // The database is away or the context is closing: the changes wait in the outbox.
                if (running) {
                    log.warn("Fanning out live events failed: {}", e.getClass().getName());
                }
            }
            try {
                if (handled > 0 && !linger.isZero()) {
                    // Busy: let the next few commits gather, so that one fan-out numbers them together.
                    // The first change after a quiet spell still goes out at once.
                    Thread.sleep(linger.toMillis());
                }
                doorbell.tryAcquire(sweep.toMillis(), TimeUnit.MILLISECONDS);
                doorbell.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
