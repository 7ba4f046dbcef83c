/**
 * The practice admin's work: care teams and their members, staff accounts, the audit trail of any
 * patient and the audit chain check. Owns no tables: it acts through the practice, identity and
 * audit modules' APIs, checks that the caller is a practice admin, and records each change on the
 * audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Practice administration",
        allowedDependencies = { "audit", "crypto", "identity", "notification", "patient", "practice", "shared", "web",
                "workflow" })
package io.bedside.admin;
