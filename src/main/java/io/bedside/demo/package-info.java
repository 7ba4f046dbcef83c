/**
 * Demo mode's fictitious practices, staff and patients, seeded once into an empty database. Only
 * present when {@code bedside.demo} is true, which it never is by default against a real database.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"shared", "identity", "patient", "practice", "workflow"})
package io.bedside.demo;

import org.springframework.modulith.ApplicationModule;
