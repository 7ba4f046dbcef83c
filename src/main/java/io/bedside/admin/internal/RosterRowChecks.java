package io.bedside.admin.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.bedside.patient.RosterEntry;
import io.bedside.patient.Sex;
import io.bedside.shared.EmailAddresses;

/**
 * Turns one row of a roster file (as text fields, whatever the format) into a {@link RosterEntry},
 * or says in plain words why it cannot be one. The same rules for CSV and FHIR.
 */
public final class RosterRowChecks {

    /** The fields of a row, as the file gives them. */
    public record Fields(String externalId, String givenName, String familyName, String birthDate, String sex,
            String email, String phone, String language, String tags, String lastVisit) {
        @Override
        public String toString() {
            return "Fields[" + externalId + "]";
        }
    }

    /** A row that was refused: the first field found wrong (its API name, e.g. {@code birthDate}), and why. */
    public record Refusal(String field, String reason) {
    }

    private static final Pattern TAG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");
    private static final Set<String> LANGUAGES = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));
    // Strict: 02/30/1980 is refused, never quietly turned into 02/29/1980.
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private RosterRowChecks() {
    }

    /** The entry, or a refusal naming the first thing wrong. */
    public static Object check(Fields f, LocalDate today) {
        String externalId = trim(f.externalId());
        if (externalId.isEmpty()) {
            return new Refusal("externalId", "missing external id (MRN)");
        }
        if (externalId.length() > 100) {
            return new Refusal("externalId", "external id longer than 100 characters");
        }
        String given = trim(f.givenName());
        String family = trim(f.familyName());
        if (given.isEmpty() || family.isEmpty()) {
            return new Refusal(given.isEmpty() ? "givenName" : "familyName", "missing given or family name");
        }
        if (given.length() > 100 || family.length() > 100) {
            return new Refusal(given.length() > 100 ? "givenName" : "familyName", "name longer than 100 characters");
        }
        LocalDate birth = date(f.birthDate());
        if (birth == null) {
            return new Refusal("birthDate", "bad date of birth \"" + trim(f.birthDate()) + "\" (use YYYY-MM-DD)");
        }
        if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
            return new Refusal("birthDate", "date of birth out of range");
        }
        Sex sex = sex(f.sex());
        if (sex == null) {
            return new Refusal("sex", "unknown sex \"" + trim(f.sex()) + "\" (female, male, other, unknown)");
        }
        String email = email(f.email());
        if (email == null) {
            return new Refusal("email", "bad email address");
        }
        String phone = phone(f.phone());
        if (phone == null) {
            return new Refusal("phone", "bad mobile phone number");
        }
        String language = language(f.language());
        if (language == null) {
            return new Refusal("language", "unknown language \"" + trim(f.language()).toLowerCase(Locale.ROOT)
                    + "\" (use a code such as en or es)");
        }
        List<String> tags = new ArrayList<>();
        for (String tag : trim(f.tags()).toLowerCase(Locale.ROOT).split("[;|,]")) {
            String t = tag.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(t).matches()) {
                return new Refusal("tags", "bad tag \"" + t + "\" (letters, digits and dashes)");
            }
            tags.add(t);
        }
        if (tags.size() > 20) {
            return new Refusal("tags", "more than 20 tags");
        }
        LocalDate lastVisit = null;
        if (!trim(f.lastVisit()).isEmpty()) {
            lastVisit = date(f.lastVisit());
            if (lastVisit == null || lastVisit.isAfter(today)) {
                return new Refusal("lastVisit", "bad last visit date");
            }
        }
        return new RosterEntry(externalId, given, family, birth, sex, email.isEmpty() ? null : email, phone.isEmpty()
                ? null : phone, language, tags, lastVisit);
    }

    /** A cell a spreadsheet would run as a formula: starting with =, @, a tab, or + or - before a non-digit. */
    public static boolean isFormula(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        // "+1 555 …" and "-" alone are ordinary; "+A1" or "-2+3" are formulas.
        return (first == '+' || first == '-') && cell.length() > 1 && !cell.substring(1).matches("[0-9 ()./-]+");
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static LocalDate date(String text) {
        String t = trim(text);
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }

    private static Sex sex(String text) {
        return switch (trim(text).toLowerCase(Locale.ROOT)) {
            case "f", "female" -> Sex.FEMALE;
            case "m", "male" -> Sex.MALE;
            case "o", "other" -> Sex.OTHER;
            case "", "u", "unknown" -> Sex.UNKNOWN;
            default -> null;
        };
    }

    /** An email address in lower case; "" when empty; null when bad. */
    public static String email(String text) {
        String email = trim(text).toLowerCase(Locale.ROOT);
        if (!email.isEmpty() && !EmailAddresses.valid(email)) {
            return null;
        }
        return email;
    }

    /** A language code in lower case (en when empty); null when it is not one. */
    public static String language(String text) {
        String language = trim(text).toLowerCase(Locale.ROOT);
        if (language.isEmpty()) {
            return "en";
        }
        return LANGUAGES.contains(language) ? language : null;
    }

    /** E.164-ish: digits with an optional +, separators dropped; "" when empty; null when bad. */
    public static String phone(String text) {
        String t = trim(text);
        if (t.isEmpty()) {
            return "";
        }
        String digits = t.replaceAll("[\\s().-]", "");
        if (!digits.matches("\\+?[0-9]{7,15}")) {
            return null;
        }
        return digits.startsWith("+") ? digits : (digits.length() == 10 ? "+1" + digits : "+" + digits);
    }
}
