package io.bedside.support;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The demo accounts, signed in once per test, and small steps that tests share. */
public class Demo {

    public static final String ALICE = "alice@patients.example";
    public static final String BOB = "bob@patients.example";
    public static final String CAROL = "carol@patients.example";
    public static final String PATEL = "dr.patel@riverside.example";
    public static final String KIM = "nurse.kim@riverside.example";
    public static final String RIVERSIDE_ADMIN = "admin@riverside.example";
    public static final String LEE = "dr.lee@lakeside.example";
    public static final String LAKESIDE_ADMIN = "admin@lakeside.example";

    private final Api api;
    private final Map<String, String> tokens = new HashMap<>();

    public Demo(Api api) {
        this.api = api;
    }

    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> api.signIn(u, "demo-password"));
    }

    public JsonNode me(String username) {
        return api.get("/api/v1/me").token(token(username)).send().json();
    }

    /** The id of the care team whose name starts with the given text, as the user sees it. */
    public String team(String username, String namePrefix) {
        for (JsonNode team : api.get("/api/v1/care-teams").token(token(username)).send().json().get("items")) {
            if (team.get("name").asString().startsWith(namePrefix)) {
                return team.get("id").asString();
            }
        }
        throw new AssertionError("no team " + namePrefix + " for " + username);
    }

    /** Starts a conversation as a patient with their practice's first-named team; returns its id. */
    public String startAsPatient(String patient, String teamPrefix, String subject, String body) {
        Api.Response response = api.post("/api/v1/conversations").token(token(patient))
                .json(Map.of("careTeamId", team(patient, teamPrefix), "subject", subject, "body", body)).send();
        if (response.status() != 201) {
            throw new AssertionError("start failed: " + response);
        }
        return response.json().get("id").asString();
    }

    public Api.Response send(String username, String conversation, String body) {
        return api.post("/api/v1/conversations/" + conversation + "/messages").token(token(username))
                .json(Map.of("body", body)).send();
    }

    public Api.Response note(String username, String conversation, String body) {
        return api.post("/api/v1/conversations/" + conversation + "/messages").token(token(username))
                .json(Map.of("body", body, "internal", true)).send();
    }

    public JsonNode messages(String username, String conversation) {
        return api.get("/api/v1/conversations/" + conversation + "/messages").token(token(username)).send().json()
                .get("items");
    }

    /** The signed-in user as services see them, built from {@code GET /api/v1/me}. */
    public io.bedside.shared.Actor actor(String username) {
        JsonNode me = me(username);
        java.util.Set<io.bedside.shared.StaffRole> roles = new java.util.HashSet<>();
        me.get("roles").forEach(r -> roles.add(io.bedside.shared.StaffRole.fromCode(r.asString())));
        boolean patient = "patient".equals(me.get("kind").asString());
        return new io.bedside.shared.Actor(
                io.bedside.shared.UserId.of(java.util.UUID.fromString(me.get("id").asString())),
                io.bedside.shared.PracticeId.of(java.util.UUID.fromString(me.get("practice").get("id").asString())),
                patient ? io.bedside.shared.Actor.Kind.PATIENT : io.bedside.shared.Actor.Kind.STAFF, roles,
                patient ? io.bedside.shared.PatientId.of(java.util.UUID.fromString(me.get("patientId").asString())) : null);
    }

    /** Changes a conversation's status, priority or assignee as a member of staff, through the API. */
    public Api.Response triage(String username, String conversation, Map<String, ?> change) {
        return api.patch("/api/v1/conversations/" + conversation).token(token(username)).json(change).send();
    }
}
