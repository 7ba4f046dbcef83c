package io.bedside.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.identity.internal.ApiTokens;
import io.bedside.identity.internal.Invitations;
import io.bedside.identity.internal.Passkeys;
import io.bedside.identity.internal.SessionRegistry;
import io.bedside.identity.internal.UserAccounts;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * What closing a patient's account means for signing in (the record's own state is the patient
 * module's): the account is made inactive, so a password, a sign-in link, an invitation and a
 * token are all refused like wrong credentials; every API token is revoked and every browser
 * session ends at its next request; open one-time links, a pending email change and every passkey end.
 * Reopening makes the account active again, with its old password; nothing else comes back.
 */
@Service
public class AccountClosures {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final Invitations links;
    private final PatientProfiles profiles;
    private final SessionRegistry sessions;
    private final Passkeys passkeys;

    AccountClosures(UserAccounts accounts, ApiTokens tokens, Invitations links, PatientProfiles profiles,
            SessionRegistry sessions, Passkeys passkeys) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.links = links;
        this.profiles = profiles;
        this.sessions = sessions;
        this.passkeys = passkeys;
    }

    /** Ends the patient's sign-in, if they have an account; in the caller's transaction. */
    @Transactional
    public void close(PracticeId practice, PatientId patient) {
        account(practice, patient).ifPresent(user -> {
            accounts.setActive(practice, user, false);
            tokens.revokeAll(user);
            sessions.endAllExcept(practice, user, null);
            for (String purpose : List.of(PatientLinks.INVITATION, PatientLinks.SIGN_IN, PatientProfiles.EMAIL_CHANGE)) {
                links.revoke(practice, user, purpose);
            }
            profiles.cancelPendingEmailChange(practice, user);
            passkeys.removeAll(practice, user);
        });
    }

    /** Lets the patient sign in again with what they had (their password); in the caller's transaction. */
    @Transactional
    public void reopen(PracticeId practice, PatientId patient) {
        account(practice, patient).ifPresent(user -> accounts.setActive(practice, user, true));
    }

    private Optional<UserId> account(PracticeId practice, PatientId patient) {
        return accounts.findAnyByPatient(practice, patient);
    }
}
