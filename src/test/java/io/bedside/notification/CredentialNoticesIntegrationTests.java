package io.bedside.notification;

import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.identity.Accounts;
import io.bedside.identity.CredentialChange;
import io.bedside.identity.CredentialChanged;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.PracticeId;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/**
 * A changed sign-in credential becomes an email to the account's address, whatever the notice
 * settings (a security notice, like a password reset): what changed and when, in the person's
 * language and time zone, and nothing about any patient. Written in the transaction of the change.
 */
@BothDatabases
class CredentialNoticesIntegrationTests extends ApplicationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    Accounts accounts;

    @Autowired
    NotificationPreferences preferences;

    private List<String[]> securityMail(String email, String prefix) {
        dispatcher.dispatchDue();
        return jdbc.sql("select subject, body from dev_outbox where to_address = :to and subject like :prefix")
                .param("to", email).param("prefix", prefix + "%")
                .query((rs, n) -> new String[] { rs.getString("subject"), rs.getString("body") }).list();
    }

    @Test
    void anAddedPasskeyIsToldToTheAccountsAddressEvenWithNoticesTurnedOff() {
        PracticeId riverside = demo.actor(RIVERSIDE_ADMIN).practiceId();
        String email = "passkey-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        StaffMember member = accounts.createStaff(riverside, email, "copper lantern meadow", "Pat Key, RN",
                StaffRole.NURSE, "Nurse");
        Actor staff = new Actor(member.id(), riverside, Actor.Kind.STAFF, Set.of(StaffRole.NURSE), null);
        preferences.update(staff, "none", null, null, "Europe/Madrid", null, null);

        Instant at = Instant.parse("2026-11-30T20:14:00Z");
        transaction.executeWithoutResult(status -> events.publishEvent(
                new CredentialChanged(riverside, member.id(), CredentialChange.PASSKEY_ADDED, at)));

        List<String[]> mail = securityMail(email, "Security notice");
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0)[0]).isEqualTo("Security notice: a passkey was added");
        assertThat(mail.get(0)[1])
                .startsWith("A passkey was added to your Bedside account at Riverside Family Medicine on ")
                .as("in the person's time zone").contains("9:14 PM").contains("Madrid")
                .contains("If this was not you, call Riverside Family Medicine as soon as you can and change your password:")
                .contains("/app/settings/security")
                .doesNotContain("Pat Key");
    }

    @Test
    void aPatientHearsInTheirLanguageAndARolledBackChangeTellsNobody() {
        UserId bob = demo.actor(BOB).userId();
        PracticeId riverside = demo.actor(RIVERSIDE_ADMIN).practiceId();
        try {
            transaction.executeWithoutResult(status -> {
                events.publishEvent(new CredentialChanged(riverside, bob, CredentialChange.PASSKEY_ADDED, Instant.now()));
                status.setRollbackOnly();
            });
            assertThat(jdbc.sql("select count(*) from notification where user_id = :user and kind = 'CREDENTIAL_CHANGED'")
                    .param("user", bob.value()).query(Long.class).single()).isZero();

            transaction.executeWithoutResult(status -> events.publishEvent(
                    new CredentialChanged(riverside, bob, CredentialChange.PASSKEY_REMOVED, Instant.now())));
            List<String[]> mail = securityMail(BOB, "Aviso de seguridad");
            assertThat(mail).hasSize(1);
            assertThat(mail.get(0)[0]).isEqualTo("Aviso de seguridad: se quitó una llave de acceso");
            assertThat(mail.get(0)[1]).startsWith("Se quitó una llave de acceso (passkey) de su cuenta de Bedside en ")
                    .contains("Si no fue usted, llame a").doesNotContain("Bob").doesNotContain("diabetes");
        } finally {
            jdbc.sql("delete from dev_outbox where to_address = :to and subject like 'Aviso de seguridad%'").param("to", BOB)
                    .update();
            jdbc.sql("delete from notification where user_id = :user and kind = 'CREDENTIAL_CHANGED'")
                    .param("user", bob.value()).update();
        }
    }
}
