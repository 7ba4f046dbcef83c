package io.bedside.admin;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.patient.PatientDirectory;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/** Roster import through the API: the report, idempotence, the caller's choice on errors, and bad files. */
@BothDatabases
class RosterImportIntegrationTests extends ApplicationTest {

    private static final String HEADER = "external_id,given_name,family_name,birth_date,sex,email,phone,language,tags,last_visit\n";

    @Autowired
    PatientDirectory directory;

    @Autowired
    io.bedside.patient.Patients roster;

    private Api.Response importCsv(String admin, String csv, String onError) {
        return api.post("/api/v1/patients/import" + (onError == null ? "" : "?onError=" + onError))
                .token(demo.token(admin)).raw("text/csv", csv).send();
    }

    private long patients() {
        return jdbc.sql("select count(*) from patient").query(Long.class).single();
    }

    private static List<String> reasons(JsonNode report) {
        List<String> reasons = new ArrayList<>();
        report.get("rejected").forEach(r -> reasons.add(r.get("row").asInt() + ": " + r.get("reason").asString()));
        return reasons;
    }

    @Test
    void aCsvIsImportedRowByRowWithAReportAndAgainChangesNothing() {
        String csv = HEADER
                + "IMP-1,Dana,Okafor,1971-04-02,F,dana@patients.example,(555) 010-2001,en,diabetes;hypertension,2025-10-01\n"
                + "IMP-2,José,Núñez,03/15/1980,male,jose@patients.example,+1 555 010 2002,es,diabetes,\n"
                + "IMP-3,Mei,Chen,1990-12-31,female,,,,,\n"
                + "IMP-4,\"O'Brien, Jr.\",Sean,1955-07-07,m,sean@patients.example,,en,,2024-01-15\n"
                + "IMP-5,Bad,Date,1990-02-30,f,,,en,,\n"
                + "IMP-6,Bad,Language,1990-02-01,f,,,klingon,,\n"
                + "IMP-7,Same,Email,1990-02-01,f,dana@patients.example,,en,,\n"
                + "IMP-1,Twice,Listed,1990-02-01,f,,,en,,\n";
        long before = patients();
        var first = importCsv(RIVERSIDE_ADMIN, csv, null);
        assertThat(first.status()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.get("rows").asInt()).isEqualTo(8);
        assertThat(report.get("accepted").asInt()).isEqualTo(4);
        assertThat(report.get("applied").asBoolean()).isTrue();
        assertThat(reasons(report)).containsExactly(
                "6: bad date of birth \"1990-02-30\" (use YYYY-MM-DD)",
                "7: unknown language \"klingon\" (use a code such as en or es)",
                "8: duplicate email in the file (also row 2)",
                "9: duplicate external id in the file (also row 2)");
        assertThat(patients()).isEqualTo(before + 4);
        assertThat(directory.search(demo.actor(KIM), "nunez").get(0).phone()).isEqualTo("+15550102002");
        assertThat(directory.search(demo.actor(KIM), "okafor").get(0).phone()).isEqualTo("+15550102001");

        JsonNode again = importCsv(RIVERSIDE_ADMIN, csv, null).json();
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(patients()).isEqualTo(before + 4);

        JsonNode changed = importCsv(RIVERSIDE_ADMIN, HEADER + "IMP-3,Mei,Chen-Lopez,1990-12-31,female,,,,,\n", null).json();
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        assertThat(directory.search(demo.actor(KIM), "chen lopez")).hasSize(1);
    }

    @Test
    void withAbortAFileWithABadRowImportsNothing() {
        long before = patients();
        JsonNode report = importCsv(RIVERSIDE_ADMIN, HEADER + "ABT-1,Good,Row,1980-01-01,f,,,en,,\n"
                + "ABT-2,Bad,Row,not-a-date,f,,,en,,\n", "abort").json();
        assertThat(report.get("applied").asBoolean()).isFalse();
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(reasons(report)).hasSize(1);
        assertThat(patients()).isEqualTo(before);
        assertThat(importCsv(RIVERSIDE_ADMIN, HEADER + "ABT-1,Good,Row,1980-01-01,f,,,en,,\n", "sometimes").status())
                .isEqualTo(400);
    }

    @Test
    void aFhirBundleOfPatientsIsImported() {
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"resource":{"resourceType":"Patient",
                    "meta":{"tag":[{"code":"asthma"}]},
                    "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},"value":"FHIR-1"}],
                    "name":[{"use":"official","family":"Ramírez","given":["Lucía","María"]}],
                    "gender":"female","birthDate":"2001-09-09",
                    "telecom":[{"system":"email","value":"lucia@patients.example"},{"system":"phone","use":"mobile","value":"+15550103001"}],
                    "communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"es-MX"}]}}]}},
                  {"resource":{"resourceType":"Patient","identifier":[{"value":"FHIR-2"}],
                    "name":[{"family":"Tran","given":["Minh"]}],"gender":"male","birthDate":"1948-02-29"}},
                  {"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}}}
                ]}""";
        var response = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN))
                .raw("application/fhir+json", bundle).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(reasons(response.json())).containsExactly("3: not a Patient resource, or an empty one");
        var lucia = directory.search(demo.actor(KIM), "lucia ramirez").get(0);
        assertThat(lucia.language()).isEqualTo("es");
        assertThat(lucia.externalId()).isEqualTo("FHIR-1");
        assertThat(roster.rosterByExternalId(demo.actor(RIVERSIDE_ADMIN).practiceId(), List.of("FHIR-1")).get("FHIR-1")
                .tags()).containsExactly("asthma");
    }

    @Test
    void badFilesGetAClearProblemAndChangeNothing() {
        long before = patients();
        byte[] latin1 = (HEADER + "LAT-1,Zoë,Brontë,1980-01-01,f,,,en,,\n").getBytes(StandardCharsets.ISO_8859_1);
        var raw = rawPost(latin1, "text/csv");
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).contains("not UTF-8");

        var formula = importCsv(RIVERSIDE_ADMIN, HEADER + "FOR-1,=cmd|' /C calc'!A0,Evil,1980-01-01,f,,,en,,\n", null);
        assertThat(formula.status()).isEqualTo(400);
        assertThat(formula.contentType()).startsWith("application/problem+json");
        assertThat(formula.json().get("detail").asString()).contains("spreadsheet formula");

        var malformed = importCsv(RIVERSIDE_ADMIN, HEADER + "MAL-1,\"Unclosed,Quote,1980-01-01,f,,,en,,\n", null);
        assertThat(malformed.status()).isEqualTo(400);
        var noHeader = importCsv(RIVERSIDE_ADMIN, "MAL-2,Ann,Lee,1980-01-01\n", null);
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().get("detail").asString()).contains("must name the columns");
        var notFhir = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN))
                .raw("application/fhir+json", "{\"resourceType\":\"Patient\"").send();
        assertThat(notFhir.status()).isEqualTo(400);
        var wrongType = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN))
                .raw("application/xml", "<patients/>").send();
        assertThat(wrongType.status()).isEqualTo(415);

        StringBuilder huge = new StringBuilder(HEADER);
        String line = "HUGE-%d,Name,Family,1980-01-01,f,,,en,," + "x".repeat(300) + "\n";
        while (huge.length() < 33 * 1024 * 1024) {
            huge.append(line.formatted(huge.length()));
        }
        var tooBig = rawPost(huge.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(patients()).isEqualTo(before);
    }

    @Test
    void fhirElementsWithoutValuesAreRowsWithoutThoseValues() {
        // Found by RosterFilesFuzzTests#fhirBundle: an identifier or telecom without a value was a 500.
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"resource":{"resourceType":"Patient",
                    "identifier":[{"type":{"coding":[{"code":"MR"}]}}],
                    "name":[{"family":"Tran","given":["Minh"]}],"birthDate":"1948-02-29",
                    "telecom":[{"system":"email"},{"system":"phone","use":"mobile"}],
                    "meta":{"tag":[{"system":"x"}]}}}
                ]}""";
        long before = patients();
        var response = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN))
                .raw("application/fhir+json", bundle).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isZero();
        assertThat(reasons(response.json())).singleElement().asString().contains("external id");
        assertThat(patients()).isEqualTo(before);
    }

    @Test
    void aFhirPropertyWithoutANameIsAProblem() {
        // Found by RosterFilesFuzzTests#fhirBundle: HAPI's parser threw StringIndexOutOfBoundsException (a 500).
        long before = patients();
        var response = api.post("/api/v1/patients/import").token(demo.token(RIVERSIDE_ADMIN))
                .raw("application/fhir+json", "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"
                        + "{\"resourceType\":\"Patient\",\"\":{\"text\":\"x\"}}}]}").send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(patients()).isEqualTo(before);
    }

    @Test
    void aMalformedQuoteInTheHeaderIsAProblem() {
        // Found by RosterFilesFuzzTests#csv: the header's parse error escaped as a 500.
        long before = patients();
        var response = importCsv(RIVERSIDE_ADMIN, "\"external_id\"x,given_name,family_name,birth_date\nM-1,Ann,Lee,1980-01-01\n",
                null);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("not well-formed CSV");
        assertThat(patients()).isEqualTo(before);
    }

    @Test
    void onlyAPracticesAdminImportsAndOnlyIntoTheirPractice() {
        assertThat(importCsv(KIM, HEADER + "X-1,A,B,1980-01-01,f,,,en,,\n", null).status()).isEqualTo(403);
        assertThat(importCsv(ALICE, HEADER + "X-1,A,B,1980-01-01,f,,,en,,\n", null).status()).isEqualTo(404);
        // The same external id in two practices is two patients.
        importCsv(RIVERSIDE_ADMIN, HEADER + "SHARED-1,River,Side,1980-01-01,f,,,en,,\n", null);
        JsonNode lakeside = importCsv(LAKESIDE_ADMIN, HEADER + "SHARED-1,Lake,Side,1980-01-01,f,,,en,,\n", null).json();
        assertThat(lakeside.get("accepted").asInt()).isEqualTo(1);
        assertThat(directory.search(demo.actor(KIM), "river side")).hasSize(1);
        assertThat(directory.search(demo.actor(KIM), "lake side")).isEmpty();
    }

    private java.net.http.HttpResponse<String> rawPost(byte[] body, String contentType) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api.base() + "/api/v1/patients/import"))
                    .header("Authorization", "Bearer " + demo.token(RIVERSIDE_ADMIN))
                    .header("Content-Type", contentType)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
