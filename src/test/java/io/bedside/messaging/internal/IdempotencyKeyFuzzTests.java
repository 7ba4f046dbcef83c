package io.bedside.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.shared.InvalidRequestException;
import io.bedside.support.Fuzzing;

/**
 * The Idempotency-Key header: 1 to 255 visible ASCII characters are taken exactly as sent;
 * anything else is a 400 naming the header.
 */
class IdempotencyKeyFuzzTests {

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void idempotencyKey(byte[] data) {
        String key = new String(data, StandardCharsets.UTF_8);
        boolean visibleAscii = !key.isEmpty() && key.length() <= 255
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
        if (visibleAscii) {
            assertThat(MessageSends.checkedKey(key)).isEqualTo(key);
        } else {
            assertThatThrownBy(() -> MessageSends.checkedKey(key)).isInstanceOfSatisfying(
                    InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
        }
    }
}
