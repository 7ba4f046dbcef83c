/**
 * Shared web plumbing only: problem answers (RFC 9457) for every error, correlation ids, and
 * the pieces of layout that every feature's pages share. Features keep their own controllers.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"shared"})
package io.bedside.web;

import org.springframework.modulith.ApplicationModule;
