package io.bedside.practice;

import java.time.ZoneId;

import io.bedside.shared.PracticeId;

/** A tenant: a clinic or medical group. */
public record Practice(PracticeId id, String slug, String name, ZoneId timeZone, String defaultLanguage) {
}
