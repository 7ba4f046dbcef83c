package io.bedside.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.bedside.shared.InvalidRequestException;
import io.bedside.support.Fuzzing;

/**
 * Attachment content detection (Apache Tika, from the bytes): any bytes are one of the allowed
 * photo or PDF types, or a 400 naming {@code attachments}; the file's name never changes the
 * verdict, and detecting twice gives the same answer.
 */
class AttachmentsFuzzTests {

    // check() reads only the bytes (and decodes photos for their thumbnails, so the decoders are
    // fuzzed too): no database or keys are needed.
    private static final Attachments ATTACHMENTS = new Attachments(null, null, new Thumbnails());

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET)
    void contentDetection(byte[] content) {
        String verdict = verdict("scan.bin", content);
        if (!verdict.startsWith("refused")) {
            assertThat(Attachments.ALLOWED).contains(verdict);
        }
        assertThat(verdict("photo.jpg", content)).isEqualTo(verdict);
        assertThat(verdict("report.pdf", content)).isEqualTo(verdict);
    }

    private static String verdict(String name, byte[] content) {
        try {
            List<Attachments.Checked> checked = ATTACHMENTS.check(List.of(new NewAttachment(name, content)));
            assertThat(checked).hasSize(1);
            return checked.get(0).type();
        } catch (InvalidRequestException refused) {
            assertThat(refused.field()).isEqualTo("attachments");
            return "refused";
        }
    }
}
