package io.bedside.messaging.internal;

/** The message a send produced; {@code replayed} when an idempotency key returned an earlier one. */
public record SentMessage(MessageView message, boolean replayed) {
}
