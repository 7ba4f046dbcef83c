package io.bedside.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.support.Fuzzing;

/**
 * Quick-reply templates as staff write them: every unknown placeholder reported is in the text,
 * every known one (either spelling) is filled, values are inserted literally ($ and \ too), and
 * filling twice changes nothing more.
 */
class PlaceholdersFuzzTests {

    private static final Map<String, String> VALUES = ReplyPlaceholders.values("Ana $1", "Díaz \\n", "Riverside",
            "Team A", "Dr. Kim");

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void replyTemplate(byte[] data) {
        String template = new String(data, StandardCharsets.UTF_8);

        List<String> unknown = ReplyPlaceholders.unknown(template);
        for (String written : unknown) {
            assertThat(template).contains(written);
        }
        String filled = ReplyPlaceholders.fill(template, VALUES);
        for (String name : ReplyPlaceholders.NAMES) {
            assertThat(filled).doesNotContain("{" + name + "}").doesNotContain("{" + Placeholders.snake(name) + "}");
        }
        assertThat(ReplyPlaceholders.fill(filled, VALUES)).isEqualTo(filled);
        long braces = template.chars().filter(c -> c == '{').count();
        assertThat((long) filled.length()).isLessThanOrEqualTo(template.length() + braces * 20);
    }
}
