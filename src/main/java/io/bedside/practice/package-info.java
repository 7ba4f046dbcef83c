/**
 * Practices (the tenants), their staff directory and their care teams: who works where, and who
 * a patient can write to.
 */
@ApplicationModule(displayName = "Practice", allowedDependencies = {"shared"})
package io.bedside.practice;

import org.springframework.modulith.ApplicationModule;
