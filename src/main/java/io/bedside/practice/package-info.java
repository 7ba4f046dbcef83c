/**
 * Practices (the tenants), their staff directory and their care teams: who works where, and who
 * a patient can write to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Practice")
package io.bedside.practice;
