/**
 * The patients of each practice: the roster a practice imports, the demographics staff search by,
 * and the record that a patient account signs in as.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient")
package io.bedside.patient;
