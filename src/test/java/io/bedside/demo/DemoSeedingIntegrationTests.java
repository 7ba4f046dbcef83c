package io.bedside.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import tools.jackson.databind.JsonNode;

/** Demo mode seeds the practices, staff and patients of DESIGN.md, once. */
@BothDatabases
class DemoSeedingIntegrationTests extends ApplicationTest {

    private static final Map<String, String> ACCOUNTS = Map.of(
            "dr.patel@riverside.example", "Riverside Family Medicine",
            "nurse.kim@riverside.example", "Riverside Family Medicine",
            "admin@riverside.example", "Riverside Family Medicine",
            "alice@patients.example", "Riverside Family Medicine",
            "bob@patients.example", "Riverside Family Medicine",
            "dr.lee@lakeside.example", "Lakeside Pediatrics",
            "admin@lakeside.example", "Lakeside Pediatrics",
            "carol@patients.example", "Lakeside Pediatrics");

    @Autowired
    DemoData demoData;

    @Test
    void everyDemoAccountSignsInWithTheDemoPasswordAtItsPractice() {
        ACCOUNTS.forEach((username, practice) -> {
            JsonNode me = api.get("/api/v1/me").token(tokenFor(username)).send().json();
            assertThat(me.get("practice").get("name").asString()).as(username).isEqualTo(practice);
            assertThat(me.get("kind").asString()).as(username)
                    .isEqualTo(username.endsWith("@patients.example") ? "patient" : "staff");
        });
    }

    @Test
    void seedingAgainChangesNothing() {
        Map<String, Long> before = counts();

        demoData.run(new DefaultApplicationArguments());

        assertThat(counts()).isEqualTo(before);
        assertThat(before.get("practice")).isGreaterThanOrEqualTo(2);
    }

    private Map<String, Long> counts() {
        return Map.of(
                "practice", count("practice where slug in ('riverside', 'lakeside')"),
                "staff", count("staff"),
                "patient", count("patient"),
                "care_team", count("care_team"),
                "user_account", count("user_account where email like '%.example'"));
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }
}
