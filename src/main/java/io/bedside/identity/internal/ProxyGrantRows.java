package io.bedside.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.identity.ProxyGrant;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/** The {@code proxy_grant} table: who may act for which patient record, and since when. */
@Repository
class ProxyGrantRows {

    private final JdbcClient jdbc;

    ProxyGrantRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProxyGrant g) {
        jdbc.sql("""
                insert into proxy_grant (id, practice_id, patient_id, proxy_user_id, relationship, granted_by, granted_at)
                values (:id, :practice, :patient, :proxy, :relationship, :by, :at)""")
                .param("id", g.id())
                .param("practice", g.practiceId().value())
                .param("patient", g.patientId().value())
                .param("proxy", g.proxyUserId().value())
                .param("relationship", g.relationship().code())
                .param("by", g.grantedBy().value())
                .param("at", Timestamps.toDb(g.grantedAt()))
                .update();
    }

    /** The open grants an account holds, oldest first: what it may act for, before age checks. */
    List<ProxyGrant> openFor(UserId proxy) {
        return jdbc.sql("select * from proxy_grant where proxy_user_id = :proxy and ended_at is null order by granted_at, id")
                .param("proxy", proxy.value()).query(ProxyGrantRows::map).list();
    }

    /** The open grants on a patient's record, oldest first. */
    List<ProxyGrant> openOn(PracticeId practice, PatientId patient) {
        return jdbc.sql("""
                select * from proxy_grant where practice_id = :practice and patient_id = :patient and ended_at is null
                order by granted_at, id""")
                .param("practice", practice.value()).param("patient", patient.value())
                .query(ProxyGrantRows::map).list();
    }

    /** The open grants on several patients' records (whose proxies hear of a conversation). */
    List<ProxyGrant> openOn(PracticeId practice, Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from proxy_grant where practice_id = :practice and patient_id in (:patients) and ended_at is null
                order by granted_at, id""")
                .param("practice", practice.value())
                .param("patients", patients.stream().map(PatientId::value).toList())
                .query(ProxyGrantRows::map).list();
    }

    Optional<ProxyGrant> find(PracticeId practice, UUID id) {
        return jdbc.sql("select * from proxy_grant where practice_id = :practice and id = :id")
                .param("practice", practice.value()).param("id", id)
                .query(ProxyGrantRows::map).optional();
    }

    Optional<ProxyGrant> openBetween(PracticeId practice, PatientId patient, UserId proxy) {
        return jdbc.sql("""
                select * from proxy_grant where practice_id = :practice and patient_id = :patient
                and proxy_user_id = :proxy and ended_at is null""")
                .param("practice", practice.value()).param("patient", patient.value()).param("proxy", proxy.value())
                .query(ProxyGrantRows::map).optional();
    }

    /** The latest grant, open or ended, between a patient and an account (how the access report names it). */
    Optional<ProxyGrant> latestBetween(PracticeId practice, PatientId patient, UserId proxy) {
        return jdbc.sql("""
                select * from proxy_grant where practice_id = :practice and patient_id = :patient
                and proxy_user_id = :proxy order by granted_at desc, id""")
                .param("practice", practice.value()).param("patient", patient.value()).param("proxy", proxy.value())
                .query(ProxyGrantRows::map).stream().findFirst();
    }

    /** Ends an open grant; false when it had ended already (one of two concurrent ends wins). */
    boolean end(PracticeId practice, UUID id, UserId by, String reason, Instant at) {
        return jdbc.sql("""
                update proxy_grant set ended_at = :at, ended_by = :by, end_reason = :reason, open_marker = null
                where practice_id = :practice and id = :id and ended_at is null""")
                .param("at", Timestamps.toDb(at)).param("by", by == null ? null : by.value()).param("reason", reason)
                .param("practice", practice.value()).param("id", id)
                .update() == 1;
    }

    /** Every open grant that ends when its patient comes of age: what the nightly check looks at. */
    List<ProxyGrant> openMinorGrants() {
        return jdbc.sql("select * from proxy_grant where ended_at is null and relationship in ('parent', 'guardian')")
                .query(ProxyGrantRows::map).list();
    }

    private static ProxyGrant map(ResultSet rs, int n) throws SQLException {
        return new ProxyGrant(rs.getObject("id", UUID.class), PracticeId.of(rs.getObject("practice_id", UUID.class)),
                PatientId.of(rs.getObject("patient_id", UUID.class)), UserId.of(rs.getObject("proxy_user_id", UUID.class)),
                Relationship.ofCode(rs.getString("relationship")).orElseThrow(), UserId.of(rs.getObject("granted_by", UUID.class)),
                Timestamps.fromDb(rs, "granted_at"), Timestamps.fromDb(rs, "ended_at"),
                rs.getString("end_reason"));
    }
}
