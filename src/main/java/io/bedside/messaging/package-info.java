/**
 * Conversations between a patient and a care team: encrypted messages with gap-free sequence
 * numbers, idempotent sends, internal notes, read states. Every access is decided here and
 * audited; other modules react to changes through {@link io.bedside.messaging.ConversationReactions}
 * (ids only), and Bedside's own writes and reads go through the named interface
 * {@code messaging :: system} ({@link io.bedside.messaging.system.SystemConversations}).
 *
 * <p>The top package is the module's API: ids, the change records, the SPI interfaces other modules
 * implement, status and priority. Everything else (use-case services, views, repositories) is in
 * {@code internal}, used by this module's own {@code web} and {@code system} packages only.
 */
@ApplicationModule(displayName = "Messaging",
        allowedDependencies = { "audit", "crypto", "identity", "patient", "practice", "shared", "web" })
package io.bedside.messaging;

import org.springframework.modulith.ApplicationModule;
