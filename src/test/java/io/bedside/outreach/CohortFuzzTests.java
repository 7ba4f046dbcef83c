package io.bedside.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.shared.InvalidRequestException;
import io.bedside.support.Fuzzing;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's cohort and messages as JSON from the API: refused naming the field, or read into a
 * value that reads back as itself, with numbers taken exactly as written and placeholders that
 * all fill in.
 */
class CohortFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void cohort(byte[] data) {
        Map<String, Object> json = object(data);
        if (json == null) {
            return;
        }
        Cohort cohort;
        try {
            cohort = Cohort.parse(json);
        } catch (InvalidRequestException refused) {
            assertThat(refused.field()).startsWith("cohort.");
            return;
        }
        assertThat(Cohort.parse(cohort.toJson())).isEqualTo(cohort);
        assertExact(json.get("minAge"), cohort.criteria().minAge());
        assertExact(json.get("maxAge"), cohort.criteria().maxAge());
        assertExact(json.get("notContactedDays"), cohort.notContactedDays());
    }

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void campaignMessages(byte[] data) {
        Map<String, Object> json = object(data);
        if (json == null) {
            return;
        }
        CampaignMessages messages;
        try {
            messages = CampaignMessages.parse(json, "en");
        } catch (InvalidRequestException refused) {
            assertThat(refused.field()).startsWith("messages");
            return;
        }
        assertThat(CampaignMessages.parse(messages.toJson(), "en")).isEqualTo(messages);
        for (String text : new String[] {messages.en(), messages.es()}) {
            if (text == null) {
                continue;
            }
            assertThat(text.length()).isLessThanOrEqualTo(CampaignMessages.MAX_CHARACTERS);
            String filled = CampaignMessages.fill(text, "Ana $1", "Riverside \\ Clinic", "Team A");
            for (String placeholder : List.of("{firstName}", "{first_name}", "{practice}", "{careTeam}",
                    "{care_team}", "{team}")) {
                assertThat(filled).doesNotContain(placeholder);
            }
            long braces = text.chars().filter(c -> c == '{').count();
            assertThat((long) filled.length()).isLessThanOrEqualTo(text.length() + braces * 20);
        }
    }

    private static void assertExact(Object written, Integer read) {
        if (written instanceof Number number) {
            assertThat(read).as("number as written").isNotNull();
            assertThat(new BigDecimal(number.toString())).isEqualByComparingTo(BigDecimal.valueOf(read));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] data) {
        try {
            Object value = JSON.readValue(data, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
