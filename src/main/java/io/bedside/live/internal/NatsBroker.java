package io.bedside.live.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.bedside.live.LiveProperties;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Fans events out to every node through NATS core pub/sub. The message is only a doorbell —
 * "user U has events up to E" — and carries no PHI; the receiving node reads the events from the
 * log. While NATS is away, sends still commit; streams catch up when it returns (on reconnect
 * every node sweeps its streams) or on the periodic sweep, or when their client reconnects.
 */
class NatsBroker implements LiveBroker, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NatsBroker.class);

    private final LocalStreams streams;
    private final String subject;
    private final Connection connection;
    private volatile boolean connected;

    NatsBroker(LocalStreams streams, LiveProperties properties) throws InterruptedException, IOException {
        this.streams = streams;
        this.subject = properties.nats().subject();
        Options options = Options.builder()
                .server(properties.nats().url())
                .connectionName("bedside")
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .connectionTimeout(Duration.ofSeconds(2))
                .noEcho()
                .connectionListener(this::onConnectionEvent)
                .errorListener(new ErrorListener() {
                })
                .build();
        // Keeps trying in the background when NATS is not up yet: Bedside starts without it.
        this.connection = Nats.connectReconnectOnConnect(options);
        Dispatcher dispatcher = connection.createDispatcher(message -> {
            String[] parts = new String(message.getData(), StandardCharsets.US_ASCII).split(" ");
            if (parts.length == 2) {
                streams.ring(UUID.fromString(parts[0]), Long.parseLong(parts[1]));
            }
        });
        dispatcher.subscribe(subject);
        this.connected = connection.getStatus() == Connection.Status.CONNECTED;
    }

    private void onConnectionEvent(Connection conn, ConnectionListener.Events event) {
        switch (event) {
            case CONNECTED, RECONNECTED, RESUBSCRIBED -> {
                boolean was = connected;
                connected = true;
                if (!was) {
                    log.info("Live broker: connected to NATS");
                }
                // Whatever other nodes rang while we were away is in the log.
                Thread catchUp = new Thread(streams::catchUpAll, "bedside-live-catch-up");
                catchUp.setDaemon(true);
                catchUp.start();
            }
            case DISCONNECTED, CLOSED -> {
                if (connected) {
                    log.warn("Live broker: NATS connection lost; sends continue, streams catch up when it returns");
                }
                connected = false;
            }
            default -> {
            }
        }
    }

    @Override
    public void publish(List<LiveEvent> events) {
        streams.deliver(events);
        if (!connected) {
            return;
        }
        try {
            for (LiveEvent e : events) {
                connection.publish(subject, (e.userId() + " " + e.eventId()).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (RuntimeException e) {
            log.warn("Live broker: publishing to NATS failed ({}); other nodes will catch up from the log",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public String state() {
        return connected ? "nats connected" : "nats disconnected";
    }

    @Override
    public boolean healthy() {
        return connected;
    }

    @Override
    public void destroy() throws InterruptedException {
        connection.close();
    }
}
