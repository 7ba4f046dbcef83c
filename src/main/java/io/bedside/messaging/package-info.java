/**
 * Conversations between a patient and a care team: encrypted messages with gap-free sequence
 * numbers, idempotent sends, internal notes, read states. Every access is decided here and
 * audited; other modules learn of changes through events that carry ids only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package io.bedside.messaging;
