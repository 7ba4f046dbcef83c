package io.bedside.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;

/**
 * The {@code patient} table as a practice's roster: entries by external id, with their tags and
 * last visit (stored only encrypted, {@link RosterCipher}), written in batches by an import; and
 * the holding table of roster facts stored in clear before V8_21. Package-private, as
 * {@link PatientRows}.
 */
@Repository
class RosterRows {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Clock clock;
    private final RosterCipher rosterCipher;

    RosterRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, RosterCipher rosterCipher) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.rosterCipher = rosterCipher;
    }

    /** The roster entries of the practice with these external ids, by external id. */
    Map<String, RosterEntry> rosterByExternalId(PracticeId practice, Collection<String> externalIds) {
        Map<String, RosterEntry> found = new HashMap<>();
        List<String> ids = List.copyOf(externalIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select * from patient where practice_id = :practice and external_id in (:ids)")
                    .param("practice", practice.value()).param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, n) -> entry(practice, rs)).list()
                    .forEach(e -> found.put(e.externalId(), e));
        }
        return found;
    }

    /** The whole roster of a practice, by external id: one read for a large import. */
    Map<String, RosterEntry> roster(PracticeId practice) {
        Map<String, RosterEntry> found = new HashMap<>();
        jdbc.sql("select * from patient where practice_id = :practice and external_id is not null")
                .param("practice", practice.value())
                .query((rs, n) -> entry(practice, rs)).list().forEach(e -> found.put(e.externalId(), e));
        return found;
    }

    /** Adds the new entries and updates the changed ones, in batches, comparing with {@code existing}. */
    List<Patients.RosterOutcome> upsertRoster(PracticeId practice, List<RosterEntry> entries,
            Map<String, RosterEntry> existing) {
        OffsetDateTime now = Timestamps.toDb(Timestamps.now(clock));
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Patients.RosterOutcome> outcomes = new ArrayList<>();
        Map<String, UUID> ids = idsOfChanged(practice, entries, existing);
        for (RosterEntry e : entries) {
            RosterEntry before = existing.get(e.externalId());
            if (before != null && before.equals(normalized(e))) {
                outcomes.add(Patients.RosterOutcome.UNCHANGED);
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("practice", practice.value());
            row.put("external", e.externalId());
            row.put("given", e.givenName());
            row.put("family", e.familyName());
            row.put("birth", e.birthDate());
            row.put("sex", e.sex().code());
            row.put("email", e.email());
            row.put("phone", e.phone());
            row.put("language", e.language());
            row.put("search", PatientSearch.searchName(e.givenName(), e.familyName()));
            row.put("now", now);
            UUID id = before == null ? UUID.randomUUID() : ids.get(e.externalId());
            row.put("id", id);
            row.put("roster", rosterCipher.encrypt(practice, PatientId.of(id), new RosterFacts(e.tags(), e.lastVisit())));
            if (before == null) {
                inserts.add(row);
                outcomes.add(Patients.RosterOutcome.ADDED);
            } else {
                updates.add(row);
                outcomes.add(Patients.RosterOutcome.UPDATED);
            }
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    insert into patient (id, practice_id, external_id, given_name, family_name, birth_date, sex, email,
                                         phone, language, roster_ciphertext, search_name, created_at, updated_at)
                    values (:id, :practice, :external, :given, :family, :birth, :sex, :email, :phone, :language, :roster,
                            :search, :now, :now)""", inserts.toArray(Map[]::new));
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("""
                    update patient set given_name = :given, family_name = :family, birth_date = :birth, sex = :sex,
                                       email = :email, phone = :phone, language = :language,
                                       roster_ciphertext = :roster, search_name = :search, updated_at = :now
                     where practice_id = :practice and id = :id""", updates.toArray(Map[]::new));
        }
        return outcomes;
    }

    /**
     * The ids of the stored patients among the entries that differ from what is stored: their
     * roster facts are encrypted bound to the patient's id, which the entries do not carry.
     */
    private Map<String, UUID> idsOfChanged(PracticeId practice, List<RosterEntry> entries, Map<String, RosterEntry> existing) {
        List<String> changed = entries.stream()
                .filter(e -> existing.containsKey(e.externalId()) && !existing.get(e.externalId()).equals(normalized(e)))
                .map(RosterEntry::externalId).toList();
        Map<String, UUID> ids = new HashMap<>();
        for (int from = 0; from < changed.size(); from += 1000) {
            jdbc.sql("select id, external_id from patient where practice_id = :practice and external_id in (:ids)")
                    .param("practice", practice.value()).param("ids", changed.subList(from, Math.min(changed.size(), from + 1000)))
                    .query(rs -> {
                        ids.put(rs.getString("external_id"), rs.getObject("id", UUID.class));
                    });
        }
        return ids;
    }

    private static RosterEntry normalized(RosterEntry e) {
        return new RosterEntry(e.externalId(), e.givenName(), e.familyName(), e.birthDate(), e.sex(), e.email(),
                e.phone(), e.language(), e.tags().stream().sorted().distinct().toList(), e.lastVisit());
    }

    private RosterEntry entry(PracticeId practice, ResultSet rs) throws SQLException {
        RosterFacts facts = rosterCipher.decrypt(practice, PatientId.of(rs.getObject("id", UUID.class)),
                rs.getBytes("roster_ciphertext"));
        return new RosterEntry(rs.getString("external_id"), rs.getString("given_name"), rs.getString("family_name"),
                rs.getObject("birth_date", LocalDate.class), Sex.fromCode(rs.getString("sex")), rs.getString("email"),
                rs.getString("phone"), rs.getString("language"), facts.tags(), facts.lastVisit());
    }

    // ------------------------------------------------------------ roster facts stored in clear before V8_21

    List<ClearRosterFacts.Held> heldClearFacts(int limit) {
        return jdbc.sql("select patient_id, practice_id, tags, last_visit from patient_roster_clear order by patient_id limit "
                + limit)
                .query((rs, n) -> new ClearRosterFacts.Held(rs.getObject("patient_id", UUID.class),
                        rs.getObject("practice_id", UUID.class), rs.getString("tags"),
                        rs.getObject("last_visit", LocalDate.class)))
                .list();
    }

    /** Deletes one held row; whether this call deleted it (two nodes starting together do each row once). */
    boolean deleteHeldClearFacts(UUID patient) {
        return jdbc.sql("delete from patient_roster_clear where patient_id = :id").param("id", patient).update() == 1;
    }

    void setRosterCiphertext(PracticeId practice, PatientId patient, byte[] roster) {
        jdbc.sql("update patient set roster_ciphertext = :roster where id = :id and practice_id = :practice")
                .param("roster", roster).param("id", patient.value()).param("practice", practice.value()).update();
    }
}
