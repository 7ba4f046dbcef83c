/**
 * How the practice is doing: first-response times in business hours and on the wall clock, the
 * share answered within the promise, when patients write, after-hours share, overdue and urgent
 * counts, messages per conversation, campaign outcomes side by side. Figures come from tables this
 * module fills as conversations change (ids, times, kinds and counts only, never PHI), so a year of
 * a busy practice is answered without reading a message. For practice admins (the whole practice)
 * and team leads (their own teams).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = { "audit", "identity", "messaging", "messaging :: system", "outreach", "practice", "shared", "web", "workflow" })
package io.bedside.analytics;
