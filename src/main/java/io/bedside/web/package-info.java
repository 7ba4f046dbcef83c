/**
 * Shared web plumbing only: problem answers (RFC 9457) for every error, correlation ids, and
 * the pieces of layout that every feature's pages share. Features keep their own controllers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.bedside.web;
