package io.bedside.admin.web;

import static io.bedside.support.Demo.LEE;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.PageSession;

/**
 * An admin inviting staff with an address that already has an account learns only that: the answer
 * is the same whether the account is at their own practice or another one, and names no practice
 * (docs/security.md, "Invitations and addresses in use").
 */
class InvitationAnswersIntegrationTests extends ApplicationTest {

    private static final String IN_USE = "An account with this email already exists.";

    @Test
    void anInvitationToAnAddressInUseAnswersAlikeWhereverTheAccountIs() {
        PageSession admin = PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        long staffBefore = jdbc.sql("select count(*) from user_account").query(Long.class).single();

        PageSession.Page elsewhere = invite(admin, LEE);
        PageSession.Page here = invite(admin, PATEL);

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(here.status()).isEqualTo(400);
        assertThat(elsewhere.contains(IN_USE)).isTrue();
        assertThat(here.contains(IN_USE)).isTrue();
        String otherPractice = jdbc.sql("select name from practice where slug = 'lakeside'").query(String.class).single();
        assertThat(elsewhere.body()).doesNotContain(otherPractice);
        assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(staffBefore);
    }

    private static PageSession.Page invite(PageSession admin, String email) {
        admin.get("/app/admin/staff");
        return admin.post("/app/admin/staff", Map.of("email", email, "displayName", "Someone New", "role", "nurse",
                "title", ""));
    }
}
