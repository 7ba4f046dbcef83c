package io.bedside.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.bedside.identity.SignInsEnded;
import io.bedside.shared.Actor;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;

/**
 * Sign-in accounts, for identity's own services (which decide who may do what and audit it): every
 * method runs in the caller's transaction, and disabling an account tells what holds its sign-ins
 * open.
 */
@Service
public class UserAccounts {

    private final UserAccountRows rows;
    private final ApplicationEventPublisher events;

    UserAccounts(UserAccountRows rows, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
    }

    public void insert(UserId id, PracticeId practice, Actor.Kind kind, String email, String passwordHash,
            Set<StaffRole> roles, PatientId patient) {
        rows.insert(id, practice, kind, email, passwordHash, roles, patient);
    }

    public Optional<UserAccount> find(UserId id) {
        return rows.find(id);
    }

    public Optional<UserAccount> findByEmail(String email) {
        return rows.findByEmail(email);
    }

    /** The patient's active account. */
    public Optional<UserId> findByPatient(PracticeId practice, PatientId patient) {
        return rows.findByPatient(practice, patient);
    }

    /** The patient's account, active or not (a closed account is inactive). */
    public Optional<UserId> findAnyByPatient(PracticeId practice, PatientId patient) {
        return rows.findAnyByPatient(practice, patient);
    }

    public Optional<String> email(UserId id) {
        return rows.email(id);
    }

    /** The patients of the practice who already have an account (invited or signed up). */
    public Set<PatientId> patientsWithAccount(PracticeId practice) {
        return rows.patientsWithAccount(practice);
    }

    /** Email and whether a password is set, by account, for one practice's staff list. */
    public Map<UserId, StaffSignIn> staffSignIns(PracticeId practice) {
        return rows.signInOf(practice);
    }

    /** Disabling ends every sign-in of the account: its open event streams are told. */
    public void setActive(PracticeId practice, UserId id, boolean active) {
        int changed = rows.setActive(practice, id, active);
        if (!active && changed > 0) {
            events.publishEvent(new SignInsEnded(id));
        }
    }

    public void setPassword(UserId id, String hash) {
        rows.setPassword(id, hash);
    }

    /** Sets the first password of an invited account; false when one was set already. */
    public boolean setFirstPassword(UserId id, String hash) {
        return rows.setFirstPassword(id, hash);
    }

    /** Moves an account that has no password yet to another address; false when it has one (or is gone). */
    public boolean setEmailBeforeFirstPassword(PracticeId practice, UserId id, String email) {
        return rows.setEmailBeforeFirstPassword(practice, id, email);
    }

    /** Changes the sign-in address; false when the account is gone or inactive. */
    public boolean setEmail(UserId id, String email) {
        return rows.setEmail(id, email);
    }

    public void setDisplayName(UserId id, String name) {
        rows.setDisplayName(id, name);
    }

    public Map<UserId, String> displayNames(java.util.Collection<UserId> ids) {
        return rows.displayNames(ids);
    }

    public Set<UserId> active(java.util.Collection<UserId> ids) {
        return rows.active(ids);
    }
}
