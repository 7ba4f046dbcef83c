package io.bedside.identity.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Service;

import io.bedside.identity.IssuedToken;
import io.bedside.shared.AuthenticationFailedException;
import io.bedside.shared.UserId;

/**
 * Password sign-in for the API. An unknown username, a wrong password and a disabled account
 * all get the same answer after the same amount of work.
 */
@Service
public class PasswordSignIn {

    // Longer than any password accepted; anything longer is wrong without spending a hash on it.
    private static final int MAX_PASSWORD = 1024;

    private final UserAccounts accounts;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final ApiTokens tokens;
    private final TwoStep twoStep;

    PasswordSignIn(UserAccounts accounts, PasswordHashing hashing, LoginThrottle throttle, ApiTokens tokens,
            TwoStep twoStep) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.throttle = throttle;
        this.tokens = tokens;
        this.twoStep = twoStep;
    }

    /**
     * An API token for a password and, for staff, a current code from their authenticator app
     * ({@code otp}) or an unused recovery code in its place. Staff who have not set up an authenticator do so in the browser first.
     */
    public IssuedToken signIn(String username, String password, String otp, String clientAddress, String userAgent) {
        UserAccount signedIn = verify(username, password, clientAddress);
        if (twoStep.required(signedIn.id(), signedIn.kind())) {
            if (!twoStep.enrolled(signedIn.id())) {
                throw new AuthenticationFailedException(
                        "Two-step sign-in is not set up for this account yet: sign in once in the browser to set it up.");
            }
            if (otp == null || otp.isBlank()) {
                throw new AuthenticationFailedException(
                        "Send the 6-digit code from your authenticator app (or one of your recovery codes) as otp.");
            }
            if (!codeAccepted(signedIn.id(), clientAddress, () -> twoStep.verifyOrRecover(signedIn.toActor(), otp))) {
                throw new AuthenticationFailedException(
                        "The code is not right, or was already used: send the current code from your authenticator app.");
            }
        }
        return tokens.issue(signedIn.id(), signedIn.practiceId(), DeviceNames.of(userAgent));
    }

    /** Signs an API token out (DELETE /api/v1/auth/token): it stops working at once. */
    public void signOut(UUID tokenId) {
        tokens.revoke(tokenId);
    }

    /**
     * A second-step code, checked under the account's own throttle for codes (which a right
     * password does not clear), for the API and the pages alike.
     *
     * @throws io.bedside.shared.TooManyRequestsException when the account's codes are throttled
     */
    public boolean codeAccepted(UserId user, String clientAddress,
            BooleanSupplier check) {
        try (LoginThrottle.Attempt attempt = throttle.attempt(TwoStep.throttleKey(user), clientAddress)) {
            if (!check.getAsBoolean()) {
                return false;
            }
            attempt.succeeded();
            return true;
        }
    }

    /**
     * The one password check, for the API and the sign-in page alike: the attempt is counted first,
     * then Argon2id runs (against a dummy hash for unknown or disabled accounts); a right password
     * clears the account's count.
     *
     * @throws io.bedside.shared.TooManyRequestsException when the username or address is throttled
     * @throws SignInBusyException when too many checks for the username or address are already waiting
     * @throws AuthenticationFailedException for any wrong, unknown or disabled credentials
     */
    public UserAccount verify(String username, String password, String clientAddress) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        // Counted before the hash, so a burst sent at once gets no more checks than the limit.
        try (LoginThrottle.Attempt attempt = throttle.attempt(name, clientAddress)) {
            Optional<UserAccount> account = accounts.findByEmail(name);
            String storedHash = account.filter(UserAccount::active).map(UserAccount::passwordHash)
                    .orElse(null);
            if (password.length() > MAX_PASSWORD || !hashing.matches(password, storedHash)) {
                throw new AuthenticationFailedException();
            }
            attempt.succeeded();
            return account.orElseThrow();
        }
    }
}
