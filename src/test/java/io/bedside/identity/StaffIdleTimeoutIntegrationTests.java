package io.bedside.identity;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.bedside.support.ApplicationTest;
import io.bedside.support.PageSession;

/**
 * A staff session ends after its idle limit (here 3 seconds instead of 15 minutes), and what the
 * page fetches by itself does not keep it alive; what the person does does. The page says so.
 */
// The properties of StreamsEndWithTheirSignInIntegrationTests (the heartbeat does not matter here), so that
// both classes share one application context.
@TestPropertySource(properties = {"bedside.live.heartbeat=8s", "bedside.web.session.staff-idle=3s"})
class StaffIdleTimeoutIntegrationTests extends ApplicationTest {

    @Test
    void liveRefreshesDoNotKeepAnIdleStaffSessionAlive() throws InterruptedException {
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        var inbox = kim.get("/app/inbox");
        assertThat(inbox.body()).contains("data-idle-seconds=\"3\"")
                .contains("For privacy, you are signed out after 1 minutes without activity.");
        for (int i = 0; i < 2; i++) {
            Thread.sleep(1000);
            assertThat(kim.background("/app/inbox/fragment").status()).isEqualTo(200);
        }
        Thread.sleep(1500);
        var after = kim.get("/app/inbox");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login?timeout");
        assertThat(new PageSession(api.base()).get("/login?timeout").body()).contains("signed out after a while");
    }

    @Test
    void whatThePersonDoesKeepsTheSessionAndPatientsHaveLonger() throws InterruptedException {
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1500);
            assertThat(kim.get("/app/inbox").status()).isEqualTo(200);
        }
        assertThat(alice.get("/app/conversations").status()).isEqualTo(200);
        kim.get("/app/inbox");
        assertThat(kim.post("/app/session/keepalive", java.util.Map.of()).status()).isEqualTo(204);
    }
}
