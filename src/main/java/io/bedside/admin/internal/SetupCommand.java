package io.bedside.admin.internal;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditChain;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.KeyManagement;
import io.bedside.identity.Accounts;
import io.bedside.notification.NotificationDispatcher;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Command;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.StaffRole;

/**
 * Starts a practice on Bedside (DESIGN.md, "Commands"):
 * {@code --bedside.setup.practice="Hillview Clinic" --bedside.setup.time-zone=America/Chicago
 * --bedside.setup.admin-email=ops@hillview.example --bedside.setup.admin-name="Dana Ortiz"
 * [--bedside.setup.language=es]}. In one transaction: the practice (with a slug made from its name),
 * its keyset, its first practice admin (an account without a password, as an admin's invitation
 * makes) and the audit rows. Then prints one line {@code Invitation: <link>}, sends the invitation
 * email at once when mail is configured, and exits 0. Bad or duplicate input: a message on stderr,
 * exit 2, nothing written. No care team is made: the admin names the practice's teams first.
 */
@Component
@Order(100)
@ConditionalOnProperty("bedside.setup.practice")
class SetupCommand implements Command {

    static final Set<String> LANGUAGES = Set.of("en", "es");
    private static final int MAX_SLUG = 48;

    private final Practices practices;
    private final Accounts accounts;
    private final KeyManagement keys;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final NotificationDispatcher notifications;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private int exitCode = 1;

    SetupCommand(Practices practices, Accounts accounts, KeyManagement keys, AuditTrail audit, AuditChain chain,
            NotificationDispatcher notifications, TransactionTemplate transaction, Environment environment) {
        this.practices = practices;
        this.accounts = accounts;
        this.keys = keys;
        this.audit = audit;
        this.chain = chain;
        this.notifications = notifications;
        this.transaction = transaction;
        this.environment = environment;
    }

    private record Created(Practice practice, Accounts.StaffInvitation invitation) {
    }

    @Override
    public void run(ApplicationArguments args) {
        String name = setting("practice");
        String zone = setting("time-zone");
        String email = setting("admin-email");
        String adminName = setting("admin-name");
        String language = setting("language").toLowerCase(Locale.ROOT);
        ZoneId timeZone;
        try {
            timeZone = check(name, zone, email, adminName, language.isEmpty() ? "en" : language);
        } catch (InvalidRequestException e) {
            refuse(e);
            return;
        }
        Created created;
        try {
            created = transaction.execute(tx -> {
                Practice practice = practices.create(uniqueSlug(name), name.strip(), timeZone,
                        language.isEmpty() ? "en" : language);
                keys.createKeyset(practice.id());
                Accounts.StaffInvitation invitation = accounts.inviteStaff(practice.id(), email, adminName,
                        StaffRole.PRACTICE_ADMIN, null);
                audit.record(new AuditRecord(practice.id(), null, null, "practice.created", "practice",
                        practice.id().toString(), true));
                audit.record(new AuditRecord(practice.id(), null, null, "staff.invited", "staff",
                        invitation.member().id().toString(), true));
                return new Created(practice, invitation);
            });
        } catch (InvalidRequestException e) {
            refuse(e);
            return;
        } catch (DataIntegrityViolationException e) {
            // Only a command run at the same moment with the same name or email gets here.
            System.err.println("Another practice or account was created with the same name or email just now;"
                    + " nothing was written. Run the command again.");
            exitCode = BAD_INPUT;
            return;
        }
        System.out.println("Practice: " + created.practice().name() + " (slug " + created.practice().slug() + ")");
        System.out.println("Invitation: " + created.invitation().link());
        List<String> emailStates = notifications.deliverNow(created.practice().id(), created.invitation().member().id());
        emailStates.forEach(state -> System.out.println("Email to " + created.invitation().email() + ": " + state));
        chain.sealPending();
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private String setting(String name) {
        String value = environment.getProperty("bedside.setup." + name);
        return value == null ? "" : value.strip();
    }

    /** Everything that can be checked before writing: the email's own checks follow inside the transaction. */
    private static ZoneId check(String name, String zone, String email, String adminName, String language) {
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidRequestException("practice",
                    "Give the practice's name, at most 200 characters: --bedside.setup.practice=\"Hillview Clinic\".");
        }
        if (zone.isEmpty() || !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new InvalidRequestException("time-zone", (zone.isEmpty() ? "Give the practice's time zone"
                    : "'" + zone + "' is not a known time zone") + ": a name such as America/Chicago (IANA time zone database).");
        }
        if (email.isEmpty()) {
            throw new InvalidRequestException("admin-email", "Give the first practice admin's email address.");
        }
        if (adminName.isEmpty()) {
            throw new InvalidRequestException("admin-name", "Give the first practice admin's name, as patients will see it.");
        }
        if (!LANGUAGES.contains(language)) {
            throw new InvalidRequestException("language", "'" + language + "' is not a language Bedside speaks: en or es.");
        }
        return ZoneId.of(zone);
    }

    private void refuse(InvalidRequestException e) {
        String field = switch (e.field() == null ? "" : e.field()) {
            case "email" -> "admin-email";
            case "displayName" -> "admin-name";
            default -> e.field();
        };
        System.err.println("--bedside.setup." + field + ": " + e.getMessage() + " Nothing was written.");
        exitCode = BAD_INPUT;
    }

    private String uniqueSlug(String name) {
        String base = slugOf(name);
        String slug = base;
        // "all" names every practice in the operator's commands (--bedside.audit.verify=all).
        for (int n = 2; slug.equals("all") || practices.existsWithSlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** "Clínica São José" → "clinica-sao-jose": ASCII letters and digits, words joined by dashes. */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "practice" : slug;
    }
}
