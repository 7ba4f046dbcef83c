package io.bedside.notification.internal;

import io.bedside.notification.Channel;

/**
 * A notice that could not be handed to its channel (the SMTP server or the SMS gateway refused it,
 * or was not there). Says which channel, for the failure counter; the message says why, for the
 * practice's admins, and never carries the address or the text.
 */
class ChannelFailure extends IllegalStateException {

    private final transient Channel channel;

    ChannelFailure(Channel channel, String message) {
        super(message);
        this.channel = channel;
    }

    ChannelFailure(Channel channel, String message, Throwable cause) {
        super(message, cause);
        this.channel = channel;
    }

    Channel channel() {
        return channel;
    }
}
