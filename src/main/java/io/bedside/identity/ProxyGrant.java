package io.bedside.identity;

import java.time.Instant;
import java.util.UUID;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.UserId;

/**
 * One grant of family access: {@code proxyUserId} may act for {@code patientId} as
 * {@code relationship}, from {@code grantedAt} until {@code endedAt} (null while it holds).
 *
 * @param endReason why it ended: {@code revoked} or {@code adult} (a parent's access at 18)
 */
public record ProxyGrant(UUID id, PracticeId practiceId, PatientId patientId, UserId proxyUserId,
        Relationship relationship, UserId grantedBy, Instant grantedAt, Instant endedAt, String endReason) {

    public boolean open() {
        return endedAt == null;
    }
}
