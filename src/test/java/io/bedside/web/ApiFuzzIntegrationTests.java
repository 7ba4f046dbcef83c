package io.bedside.web;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the OpenAPI document and sends every operation bad input as each kind of user (nobody,
 * a patient, a nurse, a practice admin): malformed JSON, a body of the wrong kind, each field of
 * the wrong type, 300 KB strings, numbers beyond a long, unknown fields, ids that are not ids and
 * query values that mean nothing. Path ids are the user's own (their conversation, their
 * practice's patient) so the bad body reaches the handler. Every answer is below 500, every 4xx
 * is a problem document, and no table changes.
 *
 * <p>Every mutation of every operation as every user: about 5,000 requests, some 15 seconds.
 */
@BothDatabases
class ApiFuzzIntegrationTests extends ApplicationTest {

    private static final String HUGE = "x".repeat(300 * 1024);
    private static final BigInteger BEYOND_LONG = new BigInteger("92233720368547758070000");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ANONYMOUS = "anonymous";

    /**
     * Tables that bad requests may change, and why: every read of patient data and every refusal
     * is audited (the audit tables), by design; a sign-in attempt is counted before its password is
     * checked (the throttle's tables, finding 1), by design.
     */
    private static final Set<String> MAY_CHANGE = Set.of("audit_event", "audit_chain", "audit_chain_head",
            "audit_checkpoint", "audit_pending", "flyway_schema_history", "sign_in_attempt", "sign_in_throttle");

    /** One request the walk sends: what it is, for the failure message. */
    private record Probe(String user, String method, String path, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
            return user + " " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " "
                    + headers.keySet() + " " + shown;
        }
    }

    private record Operation(String method, String path, JsonNode spec) {
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        JsonNode doc = api.get("/v3/api-docs").send().json();
        List<Operation> operations = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!path.getKey().contains("/test-probe/")) {
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        assertThat(operations).hasSizeGreaterThan(20);

        // Alice's conversation gives the walk real ids to reach the handlers with (and the
        // practice its key, which is made on first use).
        demo.startAsPatient(ALICE, "Dr. Patel", "Walked by the API fuzz test", "Hello.");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(ANONYMOUS, null);
        for (String user : List.of(ALICE, KIM, RIVERSIDE_ADMIN)) {
            tokens.put(user, demo.token(user));
        }
        Map<String, Map<String, String>> ids = new LinkedHashMap<>();
        tokens.keySet().forEach(user -> ids.put(user, idsOf(user)));

        List<Probe> probes = new ArrayList<>();
        List<Probe> emptyBodies = new ArrayList<>();
        for (Operation op : operations) {
            for (String user : tokens.keySet()) {
                probes.addAll(mutations(doc, op, user, ids.get(user)));
                if (op.spec().has("requestBody")) {
                    for (String empty : List.of("{}", "null")) {
                        emptyBodies.add(new Probe(user, op.method(), pathWith(op.path(), ids.get(user)), empty,
                                Map.of()));
                    }
                }
            }
        }

        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            check(probe, tokens, failures);
        }
        Map<String, Long> after = rowCounts();
        // Missing fields: {} may be a whole request for some operations (a preference left as it
        // is), and JSON null is no body where the body is optional (a call recorded without an
        // outcome), so these only have to be answered well; they go after the row count.
        for (Probe probe : emptyBodies) {
            check(probe, tokens, failures);
        }

        org.slf4j.LoggerFactory.getLogger(ApiFuzzIntegrationTests.class).info("API fuzz: {} operations, {} bad requests, {} empty "
                + "bodies", operations.size(), probes.size(), emptyBodies.size());
        assertThat(failures).as(probes.size() + " probes").isEmpty();
        assertThat(after).as("row counts after %d bad requests", probes.size()).isEqualTo(before);
    }

    @Test
    void anAddressTomcatRefusesIsAProblemToo() {
        // Found by the walk above: an encoded NUL is refused by Tomcat itself, which answered HTML.
        Api.Response response = api.get("/api/v1/patients/%00").token(demo.token(KIM)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
    }

    private void check(Probe probe, Map<String, String> tokens, List<String> failures) {
        Api.Call call = switch (probe.method()) {
            case "GET" -> api.get(probe.path());
            case "POST" -> api.post(probe.path());
            case "PUT" -> api.put(probe.path());
            case "PATCH" -> api.patch(probe.path());
            case "DELETE" -> api.delete(probe.path());
            default -> throw new IllegalStateException(probe.method());
        };
        String token = tokens.get(probe.user());
        if (token != null) {
            call.token(token);
        }
        probe.headers().forEach(call::header);
        if (probe.body() != null) {
            call.raw("application/json", probe.body());
        }
        Api.Response response;
        try {
            response = call.send();
        } catch (IllegalStateException e) {
            failures.add("no answer: " + probe + " (" + e.getCause() + ")");
            return;
        }
        if (response.status() >= 500) {
            failures.add(response.status() + ": " + probe + " -> " + response.body());
        } else if (response.status() >= 400 && (response.contentType() == null
                || !response.contentType().startsWith("application/problem+json"))) {
            failures.add(response.status() + " not a problem (" + response.contentType() + "): " + probe);
        }
    }

    /** Every bad request for one operation as one user. */
    private List<Probe> mutations(JsonNode doc, Operation op, String user, Map<String, String> ids) {
        List<Probe> probes = new ArrayList<>();
        String ownPath = pathWith(op.path(), ids);
        boolean hasBody = op.spec().has("requestBody");
        boolean hasPathId = op.path().contains("{");
        List<JsonNode> queries = new ArrayList<>();
        List<JsonNode> headers = new ArrayList<>();
        if (op.spec().has("parameters")) {
            for (JsonNode parameter : op.spec().get("parameters")) {
                String in = parameter.get("in").asString();
                if (in.equals("query")) {
                    queries.add(parameter);
                } else if (in.equals("header")) {
                    headers.add(parameter);
                }
            }
        }
        // Ids that are not ids, and ids of nothing: with a plausible body where there is one.
        if (hasPathId) {
            String body = hasBody ? plausible(doc, bodySchema(op)).toString() : null;
            for (String bad : List.of("not-an-id", "%00", "9".repeat(400), UUID.randomUUID().toString())) {
                probes.add(new Probe(user, op.method(), op.path().replaceAll("\\{[^}]+}", bad), body, Map.of()));
            }
        }
        // Query values that mean nothing: only on reads (a write with a good body would be done).
        if (op.method().equals("GET")) {
            for (JsonNode query : queries) {
                String name = query.get("name").asString();
                for (String bad : List.of("-1", "abc", BEYOND_LONG.toString(), "x".repeat(5000), "%25zz")) {
                    probes.add(new Probe(user, op.method(), ownPath + "?" + name + "=" + bad, null, Map.of()));
                }
            }
        }
        for (JsonNode header : headers) {
            String body = hasBody ? plausibleButBroken(doc, op) : null;
            probes.add(new Probe(user, op.method(), ownPath, body, Map.of(header.get("name").asString(),
                    "k".repeat(300))));
        }
        if (!hasBody) {
            return probes;
        }
        // Bodies that are not what the operation reads.
        for (String body : List.of("{\"a\":", "{\"a\": 1,}", "[1, 2]", "\"text\"", "42", "{{}}",
                "{\"\u0000\": \"\uD800\"}", "[".repeat(5000))) {
            probes.add(new Probe(user, op.method(), ownPath, body, Map.of()));
        }
        probes.add(new Probe(user, op.method(), ownPath, "{\"huge\": \"" + HUGE + "\"}", Map.of()));
        // Each field of the wrong type, too large, or beyond a long, with an unknown field beside it.
        JsonNode schema = bodySchema(op);
        JsonNode properties = resolve(doc, schema).get("properties");
        if (properties != null) {
            properties.properties().forEach(property -> {
                String name = property.getKey();
                JsonNode type = resolve(doc, property.getValue());
                for (JsonNode wrong : wrongValues(type)) {
                    ObjectNode body = (ObjectNode) plausible(doc, schema);
                    body.set(name, wrong);
                    body.put("unknownField" + name, "?");
                    probes.add(new Probe(user, op.method(), ownPath, body.toString(), Map.of()));
                }
            });
        }
        return probes;
    }

    /** A body that reads well but has its first field of the wrong type, so it can never be done. */
    private String plausibleButBroken(JsonNode doc, Operation op) {
        JsonNode schema = bodySchema(op);
        ObjectNode body = (ObjectNode) plausible(doc, schema);
        JsonNode properties = resolve(doc, schema).get("properties");
        if (properties != null && !properties.isEmpty()) {
            String first = properties.propertyNames().iterator().next();
            body.set(first, wrongValues(resolve(doc, properties.get(first))).get(0));
        }
        return body.toString();
    }

    private static List<JsonNode> wrongValues(JsonNode type) {
        String kind = type.has("type") ? type.get("type").asString() : type.has("properties") ? "object" : "";
        List<JsonNode> values = new ArrayList<>();
        switch (kind) {
            case "string" -> {
                values.add(NODES.numberNode(42));
                values.add(NODES.booleanNode(true));
                values.add(NODES.stringNode(HUGE));
                values.add(NODES.objectNode().put("text", "nested"));
            }
            case "integer", "number" -> {
                values.add(NODES.stringNode("many"));
                values.add(NODES.numberNode(BEYOND_LONG));
                values.add(NODES.numberNode(1.5e300));
                values.add(NODES.booleanNode(true));
            }
            case "boolean" -> {
                values.add(NODES.stringNode("yes"));
                values.add(NODES.numberNode(1));
            }
            case "array" -> {
                values.add(NODES.objectNode().put("a", 1));
                values.add(NODES.stringNode(HUGE));
                values.add(NODES.arrayNode().add(NODES.arrayNode().add(BEYOND_LONG)));
            }
            default -> {
                values.add(NODES.stringNode(HUGE));
                values.add(NODES.arrayNode().add(42));
                values.add(NODES.numberNode(BEYOND_LONG));
            }
        }
        return values;
    }

    /** A body with every field present and of the documented type (not necessarily valid). */
    private static JsonNode plausible(JsonNode doc, JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        JsonNode properties = schema == null ? null : resolve(doc, schema).get("properties");
        if (properties != null) {
            properties.properties().forEach(property -> {
                JsonNode type = resolve(doc, property.getValue());
                String kind = type.has("type") ? type.get("type").asString() : "";
                switch (kind) {
                    case "integer", "number" -> body.put(property.getKey(), 1);
                    case "boolean" -> body.put(property.getKey(), true);
                    case "array" -> body.set(property.getKey(), NODES.arrayNode());
                    case "string" -> body.put(property.getKey(), "fuzz");
                    default -> body.set(property.getKey(), NODES.objectNode());
                }
            });
        }
        return body;
    }

    private static JsonNode bodySchema(Operation op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        for (String type : List.of("application/json", "*/*")) {
            if (content.has(type)) {
                return content.get(type).get("schema");
            }
        }
        return content.isEmpty() ? null : content.properties().iterator().next().getValue().get("schema");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema == null) {
            return NODES.objectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return doc.path("components").path("schemas").path(name);
        }
        return schema;
    }

    /** The path with its ids filled by the user's own: the segment before {id} says what it is. */
    private static String pathWith(String template, Map<String, String> ids) {
        String[] parts = template.split("/");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                parts[i] = ids.getOrDefault(i > 0 ? parts[i - 1] : "", UUID.randomUUID().toString());
            }
        }
        return String.join("/", parts);
    }

    /** The user's own data by the path segment that names it. */
    private Map<String, String> idsOf(String user) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (user.equals(ANONYMOUS)) {
            return ids;
        }
        JsonNode me = demo.me(user);
        UUID practice = UUID.fromString(me.get("practice").get("id").asString());
        UUID userId = UUID.fromString(me.get("id").asString());
        boolean patient = "patient".equals(me.get("kind").asString());
        UUID patientId = patient ? UUID.fromString(me.get("patientId").asString())
                : first("select id from patient where practice_id = :p order by id", practice);
        ids.put("patients", String.valueOf(patientId));
        ids.put("conversations", String.valueOf(first("select id from conversation where practice_id = :p"
                + (patient ? " and patient_id = '" + patientId + "'" : "") + " order by id", practice)));
        ids.put("campaigns", String.valueOf(first("select id from campaign where practice_id = :p order by id",
                practice)));
        ids.put("sessions", String.valueOf(first("select id from user_session where practice_id = :p and user_id = '"
                + userId + "' order by id", practice)));
        ids.values().removeIf("null"::equals);
        return ids;
    }

    private UUID first(String sql, UUID practice) {
        return jdbc.sql(sql).param("p", practice).query(UUID.class).list().stream().findFirst().orElse(null);
    }

    /** Rows in every table but those bad requests may change ({@link #MAY_CHANGE}). */
    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                 where lower(table_schema) = lower(current_schema()) and table_type in ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            String name = table.toLowerCase(java.util.Locale.ROOT);
            if (!MAY_CHANGE.contains(name)) {
                counts.put(name, jdbc.sql("select count(*) from " + name).query(Long.class).single());
            }
        }
        assertThat(counts).containsKeys("conversation", "message", "patient", "campaign");
        return counts;
    }
}
