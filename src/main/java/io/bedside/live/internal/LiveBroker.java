package io.bedside.live.internal;

import java.util.List;

/**
 * Rings the doorbell for committed events: on this node at once, and on every other node through
 * NATS when that broker is configured. A lost doorbell loses nothing; streams catch up from the log.
 */
interface LiveBroker {

    void publish(List<LiveEvent> events);

    /** A word for the health endpoint: "inprocess", "connected", "disconnected"… */
    String state();

    boolean healthy();
}
