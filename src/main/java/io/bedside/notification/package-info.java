/**
 * Telling people there is something to read, without saying what: the notification outbox and
 * its dispatcher, email (SMTP) and SMS (an HTTP gateway), the demo mailbox, each person's
 * channel, quiet hours and one-click unsubscribe.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = { "audit", "identity", "messaging", "messaging :: system", "patient", "practice", "shared", "web", "workflow", "crypto" })
package io.bedside.notification;
