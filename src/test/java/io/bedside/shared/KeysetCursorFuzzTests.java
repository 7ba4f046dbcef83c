package io.bedside.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.support.Fuzzing;

/**
 * Cursors come back from clients as they like: one the server did not give out is a 400 naming
 * {@code cursor}; one it accepts encodes back to a cursor read as itself, short, and names a time
 * both databases can store.
 */
class KeysetCursorFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void cursor(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        KeysetCursor cursor;
        try {
            cursor = KeysetCursor.decode(text);
        } catch (InvalidRequestException refused) {
            assertThat(refused.field()).isEqualTo("cursor");
            return;
        }
        assertThat(KeysetCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).hasSizeLessThan(120);
        assertThat(Timestamps.toDb(cursor.at()).getYear()).isBetween(1, 9999);
    }
}
