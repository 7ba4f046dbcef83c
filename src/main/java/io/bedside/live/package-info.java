/**
 * Live delivery: one Server-Sent Events stream per signed-in user, fed from a durable per-user
 * event log (ids only, never PHI) and fanned out across nodes through NATS, which only rings the
 * doorbell: the database holds every event, and any node can rebuild a stream from it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live delivery",
        allowedDependencies = { "identity", "messaging", "practice", "shared" })
package io.bedside.live;
