package io.bedside.identity.internal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.bedside.identity.IssuedToken;
import io.bedside.shared.AuthenticationFailedException;

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

    PasswordSignIn(UserAccounts accounts, PasswordHashing hashing, LoginThrottle throttle, ApiTokens tokens) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    public IssuedToken signIn(String username, String password, String clientAddress) {
        UserAccounts.Account signedIn = verify(username, password, clientAddress);
        return tokens.issue(signedIn.id(), signedIn.practiceId());
    }

    /**
     * The one password check, for the API and the sign-in page alike: throttle first, then Argon2id
     * (against a dummy hash for unknown or disabled accounts), counting failures.
     *
     * @throws io.bedside.shared.TooManyRequestsException when the username or address is throttled
     * @throws AuthenticationFailedException for any wrong, unknown or disabled credentials
     */
    public UserAccounts.Account verify(String username, String password, String clientAddress) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        throttle.check(name, clientAddress);
        Optional<UserAccounts.Account> account = accounts.findByEmail(name);
        String storedHash = account.filter(UserAccounts.Account::active).map(UserAccounts.Account::passwordHash)
                .orElse(null);
        if (password.length() > MAX_PASSWORD || !hashing.matches(password, storedHash)) {
            throttle.recordFailure(name, clientAddress);
            throw new AuthenticationFailedException();
        }
        throttle.recordSuccess(name);
        return account.orElseThrow();
    }
}
