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
        String name = username.trim().toLowerCase(Locale.ROOT);
        throttle.check(name, clientAddress);
        Optional<UserAccounts.Account> account = accounts.findByEmail(name);
        String storedHash = account.filter(UserAccounts.Account::active).map(UserAccounts.Account::passwordHash)
                .orElse(null);
        if (!hashing.matches(password, storedHash)) {
            throttle.recordFailure(name, clientAddress);
            throw new AuthenticationFailedException();
        }
        throttle.recordSuccess(name);
        UserAccounts.Account signedIn = account.orElseThrow();
        return tokens.issue(signedIn.id(), signedIn.practiceId());
    }
}
