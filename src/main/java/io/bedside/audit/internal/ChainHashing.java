package io.bedside.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous hash and a canonical, length-prefixed encoding of
 * every field of the row and its position, so that changing, removing or moving a row changes
 * every hash after it.
 */
final class ChainHashing {

    static final String GENESIS = "0".repeat(64);

    private ChainHashing() {
    }

    static String hash(String previousHash, long chainSeq, StoredAuditEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object field : new Object[] {"bedside-audit/v1", previousHash, chainSeq, e.id(), e.practiceId(),
                e.occurredAt(), e.actorId(), e.actorKind(), e.actorPatientId(), e.patientId(), e.action(), e.targetType(), e.targetId(),
                e.clientAddress(), e.userAgent(), e.allowed()}) {
            byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
            // -1 marks null, so that null and "" encode differently.
            out.writeBytes(ByteBuffer.allocate(4).putInt(field == null ? -1 : bytes.length).array());
            out.writeBytes(bytes);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
