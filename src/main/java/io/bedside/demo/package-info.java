/**
 * Demo mode's fictitious practices, staff and patients, seeded once into an empty database. Only
 * present when {@code bedside.demo} is true, which it never is by default against a real database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.bedside.demo;
