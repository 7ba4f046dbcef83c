/**
 * How the care team works its inbox: quick-reply templates (and, as they come, office hours,
 * response-time promises, after-hours replies and urgent triage).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
        allowedDependencies = { "audit", "messaging", "messaging :: system", "patient", "patient :: system", "practice", "shared", "web" })
package io.bedside.workflow;
