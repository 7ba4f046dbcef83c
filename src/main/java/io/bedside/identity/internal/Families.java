package io.bedside.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.bedside.identity.ProxyGrant;
import io.bedside.patient.Patients;
import io.bedside.practice.ConfidentialAges;
import io.bedside.practice.Practices;
import io.bedside.shared.ActingFor;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Relationship;
import io.bedside.shared.UserId;

/**
 * Who an account may act for, decided afresh on every request (and for every event and notice): its
 * own patient record, and each record it holds a grant on that is still in force. A parent's or
 * guardian's grant is in force only while the patient is under 18 on the practice's calendar, so
 * access ends on the birthday itself, at the next request, even before the nightly check stamps the
 * grant ended. A patient whose account is closed has no proxies either.
 */
@Component
public class Families {

    /** The age at which a parent's or guardian's access ends on its own. */
    public static final int ADULT_AGE = 18;

    private final ProxyGrantRows grants;
    private final UserAccounts accounts;
    private final Patients patients;
    private final Practices practices;
    private final Clock clock;

    Families(ProxyGrantRows grants, UserAccounts accounts, Patients patients, Practices practices, Clock clock) {
        this.grants = grants;
        this.accounts = accounts;
        this.patients = patients;
        this.practices = practices;
        this.clock = clock;
    }

    /** Every record the account may act for now: its own first, then its grants in force, oldest first. */
    public List<ActingFor> family(PracticeId practice, UserId user, PatientId own) {
        List<ActingFor> family = new ArrayList<>();
        if (own != null) {
            family.add(ActingFor.self(own));
        }
        List<ProxyGrant> open = grants.openFor(user).stream()
                .filter(g -> g.practiceId().equals(practice) && !g.patientId().equals(own)).toList();
        if (open.isEmpty()) {
            return family;
        }
        Map<PatientId, LocalDate> births = patients.birthDatesOfOpen(practice,
                open.stream().map(ProxyGrant::patientId).toList());
        LocalDate today = today(practice);
        for (ProxyGrant g : open) {
            if (inForce(g, births.get(g.patientId()), today)
                    && family.stream().noneMatch(f -> f.patientId().equals(g.patientId()))) {
                family.add(new ActingFor(g.patientId(), g.relationship()));
            }
        }
        return family;
    }

    /**
     * The actor an account signs in as, acting for {@code preferred} when it may, else for its own
     * record, else for the first record it may act for; empty when it may act for no one (a proxy
     * whose every grant ended).
     */
    public Optional<Actor> actorOf(UserAccount account, PatientId preferred) {
        if (account.kind() == Actor.Kind.STAFF) {
            return Optional.of(account.toActor());
        }
        return scoped(account.id(), account.practiceId(), account.kind(), account.patientId(), preferred);
    }

    /** The same signed-in account, with its family resolved again for this request. */
    public Optional<Actor> rescope(Actor actor, PatientId preferred) {
        if (!actor.isPatient()) {
            return Optional.of(actor);
        }
        return scoped(actor.userId(), actor.practiceId(), actor.kind(), actor.ownPatientId().orElse(null), preferred);
    }

    private Optional<Actor> scoped(UserId user, PracticeId practice, Actor.Kind kind, PatientId own,
            PatientId preferred) {
        List<ActingFor> family = family(practice, user, own);
        if (family.isEmpty()) {
            return Optional.empty();
        }
        PatientId selected = family.stream().map(ActingFor::patientId).filter(p -> p.equals(preferred)).findFirst()
                .orElse(family.get(0).patientId());
        return Optional.of(new Actor(user, practice, kind, Set.of(), selected, family));
    }

    /**
     * The accounts that hear of a conversation of this patient (events, notices): the patient's own
     * account and, unless the conversation is confidential, every proxy whose grant is in force.
     */
    public List<UserId> readers(PracticeId practice, PatientId patient, boolean confidential) {
        Set<UserId> readers = new LinkedHashSet<>();
        accounts.findByPatient(practice, patient).ifPresent(readers::add);
        if (!confidential) {
            readers.addAll(proxiesInForce(practice, patient).stream().map(ProxyGrant::proxyUserId).toList());
        }
        return List.copyOf(readers);
    }

    /** The open grants on a patient's record that are in force today, of active accounts. */
    public List<ProxyGrant> proxiesInForce(PracticeId practice, PatientId patient) {
        List<ProxyGrant> open = grants.openOn(practice, patient);
        if (open.isEmpty()) {
            return open;
        }
        LocalDate birth = patients.birthDatesOfOpen(practice, List.of(patient)).get(patient);
        LocalDate today = today(practice);
        Set<UserId> active = accounts.active(open.stream().map(ProxyGrant::proxyUserId).toList());
        return open.stream().filter(g -> active.contains(g.proxyUserId()) && inForce(g, birth, today)).toList();
    }

    /** The open grants on a patient's record, in force or not (staff see a lapsed parent grant too). */
    public List<ProxyGrant> openOn(PracticeId practice, PatientId patient) {
        return grants.openOn(practice, patient);
    }

    /** Every open grant an account holds, in force or not. */
    public List<ProxyGrant> openFor(UserId proxy) {
        return grants.openFor(proxy);
    }

    public Optional<ProxyGrant> find(PracticeId practice, UUID id) {
        return grants.find(practice, id);
    }

    public Optional<ProxyGrant> openBetween(PracticeId practice, PatientId patient, UserId proxy) {
        return grants.openBetween(practice, patient, proxy);
    }

    public ProxyGrant grant(PracticeId practice, PatientId patient, UserId proxy, Relationship relationship, UserId by) {
        ProxyGrant g = new ProxyGrant(UUID.randomUUID(), practice, patient, proxy, relationship, by, clock.instant(),
                null, null);
        grants.insert(g);
        return g;
    }

    /** Ends an open grant; false when it had ended already. */
    public boolean end(PracticeId practice, UUID id, UserId by, String reason) {
        return grants.end(practice, id, by, reason, clock.instant());
    }

    /** Every open parent or guardian grant, for the nightly check. */
    public List<ProxyGrant> openMinorGrants() {
        return grants.openMinorGrants();
    }

    /** Whether the grant is in force on this day for a patient born on {@code birth} (null: closed or gone). */
    public static boolean inForce(ProxyGrant g, LocalDate birth, LocalDate today) {
        if (birth == null) {
            return false;
        }
        return !g.relationship().endsAtAdulthood() || ConfidentialAges.ageOn(birth, today) < ADULT_AGE;
    }

    /** Today on the practice's calendar: what a birthday is counted by. */
    public LocalDate today(PracticeId practice) {
        return practices.today(practice);
    }

    public Instant now() {
        return clock.instant();
    }
}
