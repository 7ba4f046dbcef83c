package io.bedside.outreach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.bedside.patient.CohortCriteria;
import io.bedside.patient.Sex;
import io.bedside.shared.InvalidRequestException;

/**
 * Who a campaign is for, in the public format: tags (all must match), minAge, maxAge, sex,
 * languages, lastVisitBefore, lastVisitAfter, notContactedDays. Read strictly: an unknown field is
 * refused rather than ignored, because a misspelt criterion would otherwise write to everyone.
 */
public record Cohort(CohortCriteria criteria, Integer notContactedDays) {

    static final Set<String> LANGUAGES = Set.of("en", "es");
    private static final Set<String> FIELDS = Set.of("tags", "minAge", "maxAge", "sex", "languages",
            "lastVisitBefore", "lastVisitAfter", "notContactedDays");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}-]{1,50}");

    public Cohort {
        if (criteria == null) {
            criteria = CohortCriteria.everyone();
        }
    }

    public static Cohort everyone() {
        return new Cohort(CohortCriteria.everyone(), null);
    }

    /** Reads a cohort from a request body; every problem is a 400 naming the field. */
    public static Cohort parse(Map<String, ?> json) {
        if (json == null) {
            return everyone();
        }
        for (String key : json.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidRequestException("cohort." + key, "Unknown cohort criterion \"" + key
                        + "\". Use tags, minAge, maxAge, sex, languages, lastVisitBefore, lastVisitAfter or notContactedDays.");
            }
        }
        List<String> tags = new ArrayList<>();
        for (String tag : strings(json.get("tags"), "tags")) {
            String t = tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw new InvalidRequestException("cohort.tags", "A tag is letters, digits and dashes: \"" + tag + "\" is not.");
            }
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        Integer minAge = age(json.get("minAge"), "minAge");
        Integer maxAge = age(json.get("maxAge"), "maxAge");
        if (minAge != null && maxAge != null && minAge > maxAge) {
            throw new InvalidRequestException("cohort.minAge", "minAge must not be more than maxAge.");
        }
        Sex sex = null;
        Object sexValue = json.get("sex");
        if (sexValue != null && !sexValue.toString().isBlank()) {
            try {
                sex = Sex.fromCode(sexValue.toString().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("cohort.sex", "sex must be female, male, other or unknown.");
            }
        }
        List<String> languages = new ArrayList<>();
        for (String language : strings(json.get("languages"), "languages")) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(l)) {
                throw new InvalidRequestException("cohort.languages", "Unknown language \"" + language + "\": use en or es.");
            }
            if (!languages.contains(l)) {
                languages.add(l);
            }
        }
        LocalDate before = date(json.get("lastVisitBefore"), "lastVisitBefore");
        LocalDate after = date(json.get("lastVisitAfter"), "lastVisitAfter");
        if (before != null && after != null && !after.isBefore(before)) {
            throw new InvalidRequestException("cohort.lastVisitAfter", "lastVisitAfter must be before lastVisitBefore.");
        }
        Integer days = number(json.get("notContactedDays"), "notContactedDays", 1, 3650);
        return new Cohort(new CohortCriteria(tags, minAge, maxAge, sex, languages, before, after), days);
    }

    /** The cohort in the public format, without the criteria not given. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!criteria.tags().isEmpty()) {
            json.put("tags", criteria.tags());
        }
        putIfSet(json, "minAge", criteria.minAge());
        putIfSet(json, "maxAge", criteria.maxAge());
        putIfSet(json, "sex", criteria.sex() == null ? null : criteria.sex().code());
        if (!criteria.languages().isEmpty()) {
            json.put("languages", criteria.languages());
        }
        putIfSet(json, "lastVisitBefore", criteria.lastVisitBefore() == null ? null : criteria.lastVisitBefore().toString());
        putIfSet(json, "lastVisitAfter", criteria.lastVisitAfter() == null ? null : criteria.lastVisitAfter().toString());
        putIfSet(json, "notContactedDays", notContactedDays);
        return json;
    }

    /** The criteria given, each as one line of text (lists joined), for people to read. */
    public Map<String, String> describe() {
        Map<String, String> lines = new LinkedHashMap<>();
        toJson().forEach((key, value) -> lines.put(key, value instanceof List<?> list
                ? String.join(", ", list.stream().map(Object::toString).toList()) : value.toString()));
        return lines;
    }

    private static void putIfSet(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static List<String> strings(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            // A form sends "diabetes, asthma"; JSON sends a list.
            return text.isBlank() ? List.of() : List.of(text.split("[,;]"));
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new InvalidRequestException("cohort." + field, field + " must be a list of words.");
                }
                if (!s.isBlank()) {
                    result.add(s);
                }
            }
            return result;
        }
        throw new InvalidRequestException("cohort." + field, field + " must be a list of words.");
    }

    private static Integer age(Object value, String field) {
        return number(value, field, 0, 130);
    }

    private static Integer number(Object value, String field, int min, int max) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        BigDecimal n = null;
        if (value instanceof Number number) {
            // Exactly as written: intValue() would wrap 2^64 + 5 to 5, and doubles round.
            try {
                n = new BigDecimal(number.toString());
            } catch (NumberFormatException infinite) {
                n = null;
            }
        } else if (value instanceof String text && text.strip().matches("\\d{1,5}")) {
            n = new BigDecimal(text.strip());
        }
        if (n == null || n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            throw new InvalidRequestException("cohort." + field, field + " must be a whole number.");
        }
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidRequestException("cohort." + field, field + " must be between " + min + " and " + max + ".");
        }
        return n.intValueExact();
    }

    private static LocalDate date(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("cohort." + field, field + " must be a date as YYYY-MM-DD.");
        }
    }
}
