package io.bedside.live.internal;

import java.util.List;

/** Delivery within this node only: the default for a single node. */
class InProcessBroker implements LiveBroker {

    private final LocalStreams streams;

    InProcessBroker(LocalStreams streams) {
        this.streams = streams;
    }

    @Override
    public void publish(List<LiveEvent> events) {
        streams.deliver(events);
    }

    @Override
    public String state() {
        return "inprocess";
    }

    @Override
    public boolean healthy() {
        return true;
    }
}
