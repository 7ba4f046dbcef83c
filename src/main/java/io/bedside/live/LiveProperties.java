package io.bedside.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param broker             {@code inprocess} (one node) or {@code nats} (events cross nodes)
 * @param nats               where NATS is
 * @param retention          how long the per-user event log keeps events for replay
 * @param heartbeat          interval of the comment lines that keep proxies from closing idle streams
 * @param streamTimeout      a stream is closed after this long; the client reconnects with Last-Event-ID
 * @param maxStreamsPerUser  open streams per user (phone, laptop…); the oldest is closed past it
 * @param deliveryThreads    threads writing events to streams
 * @param fanOutSweep        how often a node looks for changes another node staged but did not fan out
 * @param fanOutLinger       while changes keep coming, how long the fan-out lets them gather between
 *                           rounds (fewer, larger transactions; adds at most this to a busy stream's latency)
 */
@ConfigurationProperties("bedside.live")
public record LiveProperties(
        @DefaultValue("inprocess") String broker,
        @DefaultValue Nats nats,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1h") Duration streamTimeout,
        @DefaultValue("5") int maxStreamsPerUser,
        @DefaultValue("4") int deliveryThreads,
        @DefaultValue("1s") Duration fanOutSweep,
        @DefaultValue("5ms") Duration fanOutLinger) {

    /** @param url the NATS server, e.g. {@code nats://127.0.0.1:4222} */
    public record Nats(@DefaultValue("nats://127.0.0.1:4222") String url,
            @DefaultValue("bedside.live") String subject) {
    }
}
