package io.bedside.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.practice.ConfidentialAges;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.HumanTimes;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;

/**
 * The practice's own details, edited by its admins: name, the name patients see, time zone,
 * default language, and the phone and address shown to patients. A change names only the fields
 * it changes; an unknown field or a bad value is refused (naming the field) and nothing changes.
 * Each changed field is one audit row ({@code practice.changed}, target {@code practice_field} and
 * the field's name); practice details are not PHI, and the new values are on the practice itself.
 */
@Service
public class PracticeDetails {

    /** The fields an admin may change, by their API names. */
    public static final List<String> FIELDS = List.of("name", "displayName", "timeZone", "defaultLanguage", "phone",
            "address");

    /** The languages Bedside speaks, one of which is each practice's default. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    private static final Set<String> AREAS = Set.of("Africa", "America", "Antarctica", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{7,40}$");

    /** One time zone offered to choose from: its IANA id and a label people read. */
    public record TimeZoneChoice(String id, String label) {
    }

    private final Practices practices;
    private final AuditTrail audit;

    PracticeDetails(Practices practices, AuditTrail audit) {
        this.practices = practices;
        this.audit = audit;
    }

    public Practice of(Actor actor) {
        actor.requireAdmin();
        return practices.find(actor.practiceId()).orElseThrow(() -> new NotFoundException("No such practice."));
    }

    /**
     * Applies the changes (field name to new value; null or blank clears an optional field) and
     * returns the practice as it now is. Nothing is written when any field is unknown or bad.
     */
    @Transactional
    public Practice change(Actor actor, Map<String, String> changes) {
        Practice current = of(actor);
        for (String field : changes.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException(field, "There is no field '" + field + "' to change. The fields are "
                        + String.join(", ", FIELDS) + ".");
            }
        }
        String name = changes.containsKey("name") ? checkedName(changes.get("name")) : current.name();
        String displayName = changes.containsKey("displayName")
                ? optional("displayName", changes.get("displayName"), 200, "The display name") : current.displayName();
        ZoneId zone = changes.containsKey("timeZone") ? timeZone(changes.get("timeZone")) : current.timeZone();
        String language = changes.containsKey("defaultLanguage") ? language(changes.get("defaultLanguage"))
                : current.defaultLanguage();
        String phone = changes.containsKey("phone") ? phone(changes.get("phone")) : current.phone();
        String address = changes.containsKey("address")
                ? optional("address", changes.get("address"), 300, "The address") : current.address();
        Practice next = new Practice(current.id(), current.slug(), name, zone, language, displayName, phone, address);

        Map<String, Boolean> changed = new LinkedHashMap<>();
        changed.put("name", !Objects.equals(current.name(), next.name()));
        changed.put("displayName", !Objects.equals(current.displayName(), next.displayName()));
        changed.put("timeZone", !Objects.equals(current.timeZone(), next.timeZone()));
        changed.put("defaultLanguage", !Objects.equals(current.defaultLanguage(), next.defaultLanguage()));
        changed.put("phone", !Objects.equals(current.phone(), next.phone()));
        changed.put("address", !Objects.equals(current.address(), next.address()));
        if (!changed.containsValue(true)) {
            return current;
        }
        practices.update(next);
        changed.forEach((field, yes) -> {
            if (yes) {
                audit.record(AuditRecord.allowed(actor, null, "practice.changed", "practice_field", field));
            }
        });
        return next;
    }

    /** The ages at which a patient's own conversations are kept from their parents by default. */
    public ConfidentialAges confidentialAges(Actor actor) {
        actor.requireAdmin();
        return practices.confidentialAges(actor.practiceId());
    }

    /**
     * Sets the confidential age range (both ends included, 0 to 17; the law of the practice's state
     * decides, most often 12 through 17). Conversations already started keep their marks.
     */
    @Transactional
    public ConfidentialAges setConfidentialAges(Actor actor, Integer from, Integer to) {
        actor.requireAdmin();
        if (from == null || to == null) {
            throw new InvalidRequestException("confidentialAgeRange",
                    "Give both ages of the confidential age range, from and to (for example 12 and 17).");
        }
        ConfidentialAges ages = new ConfidentialAges(from, to);
        if (!ages.equals(practices.confidentialAges(actor.practiceId()))) {
            practices.setConfidentialAges(actor.practiceId(), ages);
            audit.record(AuditRecord.allowed(actor, null, "practice.changed", "practice_field", "confidentialAgeRange"));
        }
        return ages;
    }

    /** Whether the patient's status line names whoever handles a conversation by role only. */
    public boolean statusLineShowsRoleOnly(Actor actor) {
        actor.requireAdmin();
        return practices.statusLineShowsRoleOnly(actor.practiceId());
    }

    /**
     * Sets how the patient's status line names the member of staff handling a conversation: by name
     * and role (Jenny Kim, RN), or by role only (a nurse). Audited as a change of the practice's
     * field {@code statusLineNames}.
     */
    @Transactional
    public void setStatusLineShowsRoleOnly(Actor actor, boolean roleOnly) {
        actor.requireAdmin();
        if (practices.statusLineShowsRoleOnly(actor.practiceId()) != roleOnly) {
            practices.setStatusLineShowsRoleOnly(actor.practiceId(), roleOnly);
            audit.record(AuditRecord.allowed(actor, null, "practice.changed", "practice_field", "statusLineNames"));
        }
    }

    /** Every time zone an admin may choose, "(UTC−06:00) America/Chicago — Central Time", east to west. */
    public static List<TimeZoneChoice> timeZones(Instant now, Locale locale) {
        List<ZoneId> zones = new ArrayList<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (isChoosable(id)) {
                zones.add(ZoneId.of(id));
            }
        }
        zones.sort(Comparator.comparing((ZoneId z) -> z.getRules().getOffset(now)).reversed()
                .thenComparing(ZoneId::getId));
        List<TimeZoneChoice> choices = new ArrayList<>();
        for (ZoneId zone : zones) {
            ZoneOffset offset = zone.getRules().getOffset(now);
            String utc = "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId().replace('-', '−'));
            // Named as everywhere else (HumanTimes), with the offset to tell the many cities of one name apart.
            choices.add(new TimeZoneChoice(zone.getId(), HumanTimes.zoneName(zone, locale) + " · " + utc));
        }
        return choices;
    }

    /** An IANA region id such as America/Chicago (or UTC); not legacy aliases, offsets or Etc/ zones. */
    public static boolean isChoosable(String id) {
        if ("UTC".equals(id)) {
            return true;
        }
        int slash = id.indexOf('/');
        return slash > 0 && AREAS.contains(id.substring(0, slash)) && ZoneId.getAvailableZoneIds().contains(id);
    }

    private static String checkedName(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("name", "Give the practice's name.");
        }
        return optional("name", value, 200, "The name");
    }

    private static String optional(String field, String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip().replaceAll("[\\p{Cntrl}&&[^\\n]]", "").replaceAll("\\n{3,}", "\n\n");
        if (stripped.length() > max) {
            throw new InvalidRequestException(field, what + " is too long: at most " + max + " characters.");
        }
        return stripped;
    }

    private static ZoneId timeZone(String value) {
        String id = value == null ? "" : value.strip();
        if (!isChoosable(id)) {
            throw new InvalidRequestException("timeZone",
                    "Choose a time zone by its IANA name, such as America/Chicago or Europe/Madrid.");
        }
        return ZoneId.of(id);
    }

    private static String language(String value) {
        String code = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(code)) {
            throw new InvalidRequestException("defaultLanguage", "The default language is en (English) or es (Spanish).");
        }
        return code;
    }

    private static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = value.strip();
        long digits = phone.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(phone).matches() || digits < 7 || digits > 15) {
            throw new InvalidRequestException("phone",
                    "Give the phone number patients should call, such as (555) 010-0100 or +1 555 010 0100.");
        }
        return phone;
    }
}
