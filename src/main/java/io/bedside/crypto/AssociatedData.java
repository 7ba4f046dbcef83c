package io.bedside.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a ciphertext is bound to besides its practice: a purpose ("message.body") and the ids of
 * the row that holds it. Decryption with any other purpose or ids fails, so a ciphertext copied to
 * another row, conversation or practice is useless.
 */
public record AssociatedData(String purpose, List<String> ids) {

    public AssociatedData {
        Objects.requireNonNull(purpose, "purpose");
        ids = List.copyOf(ids);
    }

    public static AssociatedData of(String purpose, Object... ids) {
        return new AssociatedData(purpose, Arrays.stream(ids).map(String::valueOf).toList());
    }

    /**
     * A canonical, unambiguous encoding: every part is length-prefixed, so ("ab","c") and
     * ("a","bc") never encode alike.
     */
    public byte[] encodeFor(String practiceId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "bedside/v1");
        write(out, practiceId);
        write(out, purpose);
        for (String id : ids) {
            write(out, id);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
