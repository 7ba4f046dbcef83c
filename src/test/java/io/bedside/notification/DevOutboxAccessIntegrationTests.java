package io.bedside.notification;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;

/**
 * The demo mailbox holds one-time links (password resets, invitations): nobody reads it without
 * signing in, a patient sees only the notices sent to them, and staff only their own practice's.
 */
@BothDatabases
class DevOutboxAccessIntegrationTests extends ApplicationTest {

    @Autowired
    NotificationDispatcher dispatcher;

    @BeforeEach
    void resetLinksAreMailedInBothPractices() {
        for (String email : List.of(ALICE, BOB)) {
            assertThat(api.post("/api/v1/auth/password-reset").json(Map.of("email", email)).send().status())
                    .isEqualTo(202);
        }
        PageSession lakesideAdmin = PageSession.signedIn(api.base(), LAKESIDE_ADMIN);
        lakesideAdmin.get("/app/admin/staff");
        assertThat(lakesideAdmin.post("/app/admin/staff/" + demo.me(LEE).get("id").asString() + "/password-reset",
                Map.of()).status()).isEqualTo(302);
        dispatcher.dispatchDue();
    }

    @Test
    void nobodyReadsTheOutboxOrTheMailboxWithoutSigningIn() {
        Api.Response outbox = api.get("/api/v1/dev/outbox").send();
        assertThat(outbox.status()).as(outbox.toString()).isEqualTo(401);
        assertThat(outbox.contentType()).startsWith("application/problem+json");
        assertThat(outbox.body()).doesNotContain("reset-password");

        PageSession.Page mailbox = new PageSession(api.base()).get("/app/dev/mailbox");
        assertThat(mailbox.status()).isEqualTo(302);
        assertThat(mailbox.location()).endsWith("/login");
        assertThat(mailbox.body()).doesNotContain("reset-password");
    }

    @Test
    void aPatientSeesOnlyTheNoticesSentToThem() {
        assertThat(recipients(tokenFor(ALICE))).isNotEmpty().containsOnly(ALICE);
        assertThat(recipients(tokenFor(BOB))).isNotEmpty().containsOnly(BOB);

        PageSession.Page mailbox = PageSession.signedIn(api.base(), ALICE).get("/app/dev/mailbox");
        assertThat(mailbox.status()).isEqualTo(200);
        assertThat(mailbox.body()).contains("→ " + ALICE).doesNotContain(BOB).doesNotContain(LEE);
    }

    @Test
    void staffSeeTheirOwnPracticesNoticesOnly() {
        assertThat(recipients(tokenFor(PATEL))).contains(ALICE, BOB).doesNotContain(LEE);
        assertThat(recipients(tokenFor(LEE))).contains(LEE).doesNotContain(ALICE, BOB);

        PageSession.Page mailbox = PageSession.signedIn(api.base(), LEE).get("/app/dev/mailbox");
        assertThat(mailbox.status()).isEqualTo(200);
        assertThat(mailbox.body()).contains("→ " + LEE).doesNotContain(ALICE).doesNotContain(BOB);
    }

    private List<String> recipients(String token) {
        Api.Response answer = api.get("/api/v1/dev/outbox").token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> to = new ArrayList<>();
        answer.json().get("items").forEach(item -> to.add(item.get("to").asString()));
        return to;
    }
}
