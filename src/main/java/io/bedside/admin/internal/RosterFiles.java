package io.bedside.admin.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import io.bedside.shared.InvalidRequestException;

/**
 * Reads a roster file into rows of text fields: CSV (Apache Commons CSV, a header row naming the
 * columns) or a FHIR R4 Bundle of Patient resources (HAPI FHIR). A file that is not UTF-8, not
 * well-formed, too long, or that holds a spreadsheet formula is refused as a whole.
 */
public final class RosterFiles {

    public static final int MAX_ROWS = 100_000;

    /** The columns a CSV may use, and the names they are also known by. */
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        alias("external_id", "external_id", "externalid", "mrn", "patient_id", "id");
        alias("given_name", "given_name", "givenname", "first_name", "firstname", "given");
        alias("family_name", "family_name", "familyname", "last_name", "lastname", "family", "surname");
        alias("birth_date", "birth_date", "birthdate", "date_of_birth", "dob");
        alias("sex", "sex", "gender");
        alias("email", "email", "email_address");
        alias("phone", "phone", "mobile", "mobile_phone", "cell", "cell_phone");
        alias("language", "language", "preferred_language", "lang");
        alias("tags", "tags", "tag");
        alias("last_visit", "last_visit", "last_visit_date", "lastvisit");
    }

    private static void alias(String column, String... names) {
        for (String name : names) {
            COLUMNS.put(name, column);
        }
    }

    /** One row of the file, numbered as a person looking at the file would count it. */
    public record Row(int number, RosterRowChecks.Fields fields) {
    }

    private RosterFiles() {
    }

    public static String utf8(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidRequestException("file", "The file is empty.");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("file",
                    "The file is not UTF-8 text. Save it as \"CSV UTF-8\" (or UTF-8 JSON) and try again.");
        }
    }

    public static List<Row> csv(byte[] bytes) {
        String text = utf8(bytes);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Map<String, String> columns = new HashMap<>();
            for (String header : parser.getHeaderNames()) {
                String known = COLUMNS.get(header.strip().toLowerCase(Locale.ROOT).replace(' ', '_'));
                if (known != null) {
                    columns.put(known, header);
                }
            }
            for (String required : List.of("external_id", "given_name", "family_name", "birth_date")) {
                if (!columns.containsKey(required)) {
                    throw new InvalidRequestException("file", "The first line must name the columns; \"" + required
                            + "\" is missing. Columns: external_id, given_name, family_name, birth_date, sex, email, "
                            + "phone, language, tags, last_visit.");
                }
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (rows.size() >= MAX_ROWS) {
                    throw new InvalidRequestException("file", "The file has more than " + MAX_ROWS
                            + " patients. Split it into several files.");
                }
                if (!record.isConsistent()) {
                    throw new InvalidRequestException("file", "Line " + line + " has " + record.size()
                            + " fields but the header names " + parser.getHeaderNames().size() + ".");
                }
                for (int i = 0; i < record.size(); i++) {
                    if (RosterRowChecks.isFormula(record.get(i))) {
                        throw new InvalidRequestException("file", "Line " + line + ", column \""
                                + parser.getHeaderNames().get(i) + "\" starts like a spreadsheet formula (=, +, -, @). "
                                + "Nothing was imported; remove formulas from the file.");
                    }
                }
                rows.add(new Row(line, new RosterRowChecks.Fields(get(record, columns, "external_id"),
                        get(record, columns, "given_name"), get(record, columns, "family_name"),
                        get(record, columns, "birth_date"), get(record, columns, "sex"), get(record, columns, "email"),
                        get(record, columns, "phone"), get(record, columns, "language"), get(record, columns, "tags"),
                        get(record, columns, "last_visit"))));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // IOException: a bad header line (the reader is a string, so nothing else); the
            // unchecked ones: a bad record line, or a header naming a column twice.
            if (e instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new InvalidRequestException("file", "The file is not well-formed CSV: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().split("\n")[0]));
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException("file", "The file holds no patients, only a header.");
        }
        return rows;
    }

    private static String get(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        return header == null || !record.isMapped(header) ? "" : record.get(header);
    }

    private static final class Fhir {
        static final FhirContext R4 = FhirContext.forR4();
    }

    public static List<Row> fhir(byte[] bytes) {
        String text = utf8(bytes);
        Bundle bundle;
        try {
            bundle = Fhir.R4.newJsonParser().parseResource(Bundle.class, text);
        } catch (DataFormatException | ClassCastException | IndexOutOfBoundsException e) {
            // HAPI's parser can also fail with an index error on crafted input (a property named
            // "", found by RosterFilesFuzzTests#fhirBundle): still a file that is not a bundle.
            throw new InvalidRequestException("file", "The file is not a FHIR R4 Bundle of Patient resources.");
        }
        if (bundle.getEntry().size() > MAX_ROWS) {
            throw new InvalidRequestException("file", "The bundle has more than " + MAX_ROWS + " entries.");
        }
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            number++;
            if (!(entry.getResource() instanceof Patient p)) {
                rows.add(new Row(number, new RosterRowChecks.Fields("", "", "", "", "", "", "", "", "", "")));
                continue;
            }
            HumanName name = p.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                    .orElse(p.getNameFirstRep());
            String mrn = p.getIdentifier().stream()
                    .filter(i -> i.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode())))
                    .map(Identifier::getValue).filter(Objects::nonNull).findFirst()
                    .orElse(p.getIdentifierFirstRep().getValue());
            String email = p.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.EMAIL)
                    .map(ContactPoint::getValue).filter(Objects::nonNull).findFirst().orElse("");
            String phone = p.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE
                    || t.getSystem() == ContactPoint.ContactPointSystem.SMS)
                    .sorted((a, b) -> Boolean.compare(b.getUse() == ContactPoint.ContactPointUse.MOBILE,
                            a.getUse() == ContactPoint.ContactPointUse.MOBILE))
                    .map(ContactPoint::getValue).filter(Objects::nonNull).findFirst().orElse("");
            String language = p.getCommunication().isEmpty() ? ""
                    : p.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode();
            language = language == null ? "" : language.split("-")[0];
            String tags = String.join(";", p.getMeta().getTag().stream().map(c -> c.getCode())
                    .filter(Objects::nonNull).toList());
            for (String value : new String[] {mrn, name.getGivenAsSingleString(), name.getFamily(), email, phone, tags}) {
                if (RosterRowChecks.isFormula(value)) {
                    throw new InvalidRequestException("file", "Entry " + number + " holds a value that starts like a "
                            + "spreadsheet formula (=, +, -, @). Nothing was imported.");
                }
            }
            rows.add(new Row(number, new RosterRowChecks.Fields(mrn, name.getGiven().isEmpty() ? "" : name.getGiven().get(0)
                    .getValue(), name.getFamily(), p.getBirthDateElement().getValueAsString(),
                    p.getGender() == null ? "" : p.getGender().toCode(), email, phone, language, tags, "")));
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException("file", "The bundle holds no entries.");
        }
        return rows;
    }
}
