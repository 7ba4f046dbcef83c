/**
 * What Bedside itself may do in a conversation, for the modules whose rules act on their own
 * (workflow's after-hours reply and urgent check, outreach's campaigns, notification's notices):
 * named, so that {@code allowedDependencies = "messaging :: system"} says who may, and audited, so
 * that every read of a patient's message text by the system is on that patient's trail.
 */
@NamedInterface("system")
package io.bedside.messaging.system;

import org.springframework.modulith.NamedInterface;
