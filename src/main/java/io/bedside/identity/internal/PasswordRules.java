package io.bedside.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.bedside.shared.InvalidRequestException;

/**
 * What a new password must be (NIST SP 800-63B): at least 12 characters, at most 128 used whole
 * (no silent truncation), and not one of the commonly breached passwords shipped with Bedside.
 */
public final class PasswordRules {

    public static final int MIN = 12;
    public static final int MAX = 128;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    public static String check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            throw new InvalidRequestException("password", "Choose a password of at least " + MIN + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX) {
            throw new InvalidRequestException("password", "A password can have at most " + MAX + " characters.");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException("password",
                    "This password is on lists of passwords that attackers try first. Choose another.");
        }
        return password;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        var in = PasswordRules.class.getResourceAsStream("/identity/common-passwords.txt");
        if (in == null) {
            return words;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
