package io.bedside.live.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bedside.identity.HeldSignIns;
import io.bedside.identity.SignInsEnded;
import io.bedside.live.LiveProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The streams open on this node. Each stream remembers the last event id it sent; delivering
 * means sending, in order and under the stream's lock, every event after that id, taken from the
 * doorbell when it follows on directly and from the event log otherwise. A stream therefore never
 * skips or repeats an event, however doorbells arrive.
 *
 * <p>One class of about 360 lines, on purpose: opening, delivering, heartbeats, sign-outs and
 * shutdown all share the stream map, each stream's lock and the one delivery executor, and the
 * promise above (never skips, never repeats) holds only if every path takes the lock the same way.
 * Split across classes, that invariant would have to be read across files; here it is read in one.
 */
@Component
public class LocalStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalStreams.class);
    private static final int PAGE = 500;

    /** One open SSE connection. */
    final class Stream {
        final UUID user;
        final HeldSignIns.Held signIn;
        final StreamConnection connection;
        final long openedAt;
        final ReentrantLock lock = new ReentrantLock();
        volatile long lastSent;
        volatile boolean closed;

        Stream(HeldSignIns.Held signIn, StreamConnection connection, long lastSent) {
            this.user = signIn.userId().value();
            this.signIn = signIn;
            this.connection = connection;
            this.lastSent = lastSent;
            this.openedAt = System.nanoTime();
        }
    }

    private final Map<UUID, List<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final LiveEventRows eventLog;
    private final LiveProperties properties;
    private final ExecutorService delivery;
    private final HeldSignIns signIns;

    LocalStreams(LiveEventRows eventLog, LiveProperties properties, MeterRegistry meters, Clock clock,
            HeldSignIns signIns) {
        this.eventLog = eventLog;
        this.properties = properties;
        this.signIns = signIns;
        AtomicInteger threads = new AtomicInteger();
        this.delivery = Executors.newFixedThreadPool(Math.max(1, properties.deliveryThreads()), r -> {
            Thread t = new Thread(r, "bedside-live-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("bedside.live.streams", open, AtomicInteger::get)
                .description("Open event streams on this node").register(meters);
    }

    /**
     * Opens a stream for the signed-in user, for as long as that sign-in holds. With a Last-Event-ID
     * the stream replays what the client missed, or sends {@code resync} when those events are no
     * longer kept. The connection is taken ({@code connect}) only once the event log has answered,
     * so that a failure before it is an ordinary error response.
     */
    public void open(HeldSignIns.Held signIn, Long lastEventId, Supplier<StreamConnection> connect) {
        UUID user = signIn.userId().value();
        long latest = eventLog.latest(user);
        long start = latest;
        boolean resync = false;
        if (lastEventId != null) {
            OptionalLong oldest = eventLog.oldestRetained(user);
            boolean purged = oldest.isPresent() ? oldest.getAsLong() > lastEventId + 1 : latest > lastEventId;
            if (lastEventId > latest || purged) {
                resync = true;
            } else {
                start = lastEventId;
            }
        }
        StreamConnection connection = connect.get();
        Stream stream = new Stream(signIn, connection, start);
        connection.onEnd(() -> remove(stream));
        try {
            if (resync) {
                connection.send(SseFrames.resync(latest));
            }
            connection.send(SseFrames.ready(latest, 3000));
        } catch (IOException | IllegalStateException e) {
            connection.close();
            return;
        }
        add(stream);
        // An event appended after the log was asked above and delivered before the stream was added
        // found no stream to go to: asking again now, with the stream in place, loses none.
        if (start < latest || eventLog.latest(user) > start) {
            delivery.execute(() -> catchUp(stream, List.of()));
        }
    }

    private void add(Stream stream) {
        List<Stream> mine = streams.computeIfAbsent(stream.user, u -> new CopyOnWriteArrayList<>());
        mine.add(stream);
        open.incrementAndGet();
        while (mine.size() > properties.maxStreamsPerUser()) {
            Stream oldest = mine.stream().min((a, b) -> Long.compare(a.openedAt, b.openedAt)).orElseThrow();
            remove(oldest);
            oldest.connection.close();
        }
    }

    private void remove(Stream stream) {
        if (stream.closed) {
            return;
        }
        stream.closed = true;
        List<Stream> mine = streams.get(stream.user);
        if (mine != null && mine.remove(stream)) {
            open.decrementAndGet();
            if (mine.isEmpty()) {
                streams.remove(stream.user, mine);
            }
        }
    }

    /** Delivers committed events to this node's streams of their users. */
    void deliver(List<LiveEvent> events) {
        Map<UUID, List<LiveEvent>> byUser = new HashMap<>();
        for (LiveEvent e : events) {
            if (streams.containsKey(e.userId())) {
                byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
            }
        }
        byUser.forEach((user, mine) -> {
            for (Stream stream : streams.getOrDefault(user, List.of())) {
                delivery.execute(() -> catchUp(stream, mine));
            }
        });
    }

    /** A doorbell from another node: the user has events up to this id. */
    void ring(UUID user, long eventId) {
        for (Stream stream : streams.getOrDefault(user, List.of())) {
            if (stream.lastSent < eventId) {
                delivery.execute(() -> catchUp(stream, List.of()));
            }
        }
    }

    /** Brings every local stream up to date from the log, e.g. after the broker was away. */
    @Scheduled(fixedDelayString = "${bedside.live.catch-up-interval:15s}", initialDelayString = "15s")
    public void catchUpAll() {
        List<UUID> users = new ArrayList<>(streams.keySet());
        for (int i = 0; i < users.size(); i += 1000) {
            Map<UUID, Long> latest = eventLog.latest(users.subList(i, Math.min(users.size(), i + 1000)));
            latest.forEach((user, id) -> ring(user, id));
        }
    }

    private void catchUp(Stream stream, Collection<LiveEvent> known) {
        stream.lock.lock();
        try {
            if (stream.closed) {
                return;
            }
            List<LiveEvent> batch = new ArrayList<>(known);
            batch.removeIf(e -> e.eventId() <= stream.lastSent);
            boolean contiguous = !batch.isEmpty() && batch.get(0).eventId() == stream.lastSent + 1;
            if (!contiguous) {
                batch = eventLog.after(stream.user, stream.lastSent, PAGE);
            }
            while (!batch.isEmpty()) {
                long before = stream.lastSent;
                for (LiveEvent e : batch) {
                    if (e.eventId() != stream.lastSent + 1) {
                        // A gap means the doorbell got ahead of what we hold: read the log instead.
                        break;
                    }
                    stream.connection.send(SseFrames.event(e.eventId(), e.type(), e.data()));
                    stream.lastSent = e.eventId();
                }
                if (stream.lastSent == before) {
                    // The next event is gone from the log (purged): the client must reload.
                    long latest = eventLog.latest(stream.user);
                    stream.connection.send(SseFrames.resync(latest));
                    stream.lastSent = latest;
                    break;
                }
                boolean more = batch.size() == PAGE || batch.get(batch.size() - 1).eventId() > stream.lastSent;
                batch = more ? eventLog.after(stream.user, stream.lastSent, PAGE) : List.of();
            }
        } catch (IOException | IllegalStateException e) {
            remove(stream);
        } catch (RuntimeException e) {
            log.warn("Delivering to a stream failed: {}", e.getClass().getName());
            remove(stream);
            stream.connection.close();
        } finally {
            stream.lock.unlock();
        }
    }

    /**
     * Comment lines that keep proxies from closing idle streams, and find streams whose client left.
     * Each beat also checks again, for all streams at once, that what each was opened with still
     * holds: a token revoked or a session ended on another node, or an account disabled there,
     * ends the stream here within one beat.
     */
    @Scheduled(fixedDelayString = "${bedside.live.heartbeat:15s}", initialDelayString = "${bedside.live.heartbeat:15s}")
    void heartbeat() {
        List<Stream> all = new ArrayList<>();
        streams.values().forEach(all::addAll);
        Set<HeldSignIns.Held> ended = endedSignIns(all);
        for (Stream stream : all) {
            delivery.execute(() -> {
                if (ended.contains(stream.signIn)) {
                    signedOut(stream);
                    return;
                }
                stream.lock.lock();
                try {
                    if (!stream.closed) {
                        stream.connection.send(SseFrames.comment("heartbeat"));
                    }
                } catch (IOException | IllegalStateException e) {
                    remove(stream);
                } finally {
                    stream.lock.unlock();
                }
            });
        }
    }

    /**
     * Some of the user's sign-ins ended on this node (a token revoked, a sign-out, the account
     * disabled): their streams end now, once that change is committed, rather than at the next beat.
     */
    @EventListener
    void on(SignInsEnded e) {
        UUID user = e.userId().value();
        if (!streams.containsKey(user)) {
            return;
        }
        Runnable check = () -> {
            try {
                delivery.execute(() -> {
                    List<Stream> mine = List.copyOf(streams.getOrDefault(user, List.of()));
                    Set<HeldSignIns.Held> ended = endedSignIns(mine);
                    mine.stream().filter(s -> ended.contains(s.signIn)).forEach(this::signedOut);
                });
            } catch (RejectedExecutionException shuttingDown) {
                // The node is stopping and closes every stream anyway.
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    check.run();
                }
            });
        } else {
            check.run();
        }
    }

    private Set<HeldSignIns.Held> endedSignIns(List<Stream> of) {
        if (of.isEmpty()) {
            return Set.of();
        }
        try {
            return signIns.ended(of.stream().map(s -> s.signIn).toList());
        } catch (RuntimeException e) {
            // The database is away: keep the streams until the next beat can tell.
            log.warn("Checking the sign-ins of open streams failed: {}", e.getClass().getName());
            return Set.of();
        }
    }

    /** Ends a stream whose sign-in ended, telling the client why; nothing is sent on it after. */
    private void signedOut(Stream stream) {
        stream.lock.lock();
        try {
            if (stream.closed) {
                return;
            }
            remove(stream);
            try {
                stream.connection.send(SseFrames.named("signed-out", "{}"));
            } catch (IOException | IllegalStateException gone) {
                // The client left already.
            }
            stream.connection.close();
        } catch (RuntimeException e) {
            // Completing a stream whose connection is gone: it is closed either way.
        } finally {
            stream.lock.unlock();
        }
    }

    public int openStreams() {
        return open.get();
    }

    /**
     * Ends every stream as soon as the node starts shutting down, before the web server's graceful
     * shutdown would wait on them as requests in progress; clients reconnect elsewhere with Last-Event-ID.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        destroy();
    }

    @Override
    public void destroy() {
        streams.values().forEach(mine -> mine.forEach(s -> {
            try {
                remove(s);
                s.connection.close();
            } catch (RuntimeException ignored) {
                // The connection is going away with the node anyway.
            }
        }));
        delivery.shutdownNow();
    }
}
