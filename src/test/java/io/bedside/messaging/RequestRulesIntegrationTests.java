package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.practice.CareTeams;
import io.bedside.shared.CareTeamId;
import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/**
 * Requests ask for what the team needs (issue 21): a refill needs its medication, a structured
 * request may leave its subject out (it is made from the request), a billing question goes to the
 * practice's billing team, and a provider must be on the chosen team.
 */
@BothDatabases
class RequestRulesIntegrationTests extends ApplicationTest {

    @Autowired
    CareTeams careTeams;

    private Api.Response start(String who, Map<String, ?> body) {
        return api.post("/api/v1/conversations").token(demo.token(who)).json(body).send();
    }

    private long conversationsOf(String who) {
        return jdbc.sql("select count(*) from conversation c join patient p on p.id = c.patient_id where p.email = :e")
                .param("e", who).query(Long.class).single();
    }

    @Test
    void aRefillNeedsItsMedicationAndChangesNothingWithout() {
        long before = conversationsOf(ALICE);
        Api.Response refused = start(ALICE, Map.of("careTeamId", demo.team(ALICE, "Dr. Patel"), "kind", "refill",
                "body", "Please refill.", "details", Map.of("pharmacy", "Main St Pharmacy")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("medication");
        assertThat(conversationsOf(ALICE)).isEqualTo(before);
    }

    @Test
    void aStructuredRequestWithoutASubjectIsNamedFromTheRequest() {
        Api.Response refill = start(ALICE, Map.of("careTeamId", demo.team(ALICE, "Dr. Patel"), "kind", "refill",
                "body", "Three days left.", "details", Map.of("medication", "metformin")));
        assertThat(refill.status()).isEqualTo(201);
        assertThat(refill.json().get("subject").asString()).isEqualTo("Refill: metformin");

        Api.Response referral = start(ALICE, Map.of("careTeamId", demo.team(ALICE, "Dr. Patel"), "kind", "referral",
                "subject", "  ", "body", "My knee again.", "details", Map.of("specialty", "orthopedics")));
        assertThat(referral.json().get("subject").asString()).isEqualTo("Referral: orthopedics");

        // A question still needs its subject.
        Api.Response question = start(ALICE, Map.of("careTeamId", demo.team(ALICE, "Dr. Patel"), "body", "Hello?"));
        assertThat(question.status()).isEqualTo(400);
        assertThat(question.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBillingQuestionGoesToTheBillingTeam() {
        Api.Response billing = start(BOB, Map.of("kind", "billing", "body", "I was charged twice in October."));

        assertThat(billing.status()).isEqualTo(201);
        assertThat(billing.json().get("careTeam").get("name").asString()).isEqualTo("Billing & front desk");
        assertThat(billing.json().get("subject").asString()).isEqualTo("Billing: I was charged twice in October.");
    }

    @Test
    void withoutABillingTeamThePatientIsAskedWhichTeam() {
        var practice = demo.actor(RIVERSIDE_ADMIN).practiceId();
        CareTeamId billingTeam = CareTeamId.parse(demo.team(ALICE, "Billing"));
        careTeams.setHandlesBilling(practice, billingTeam, false);
        try {
            long before = conversationsOf(ALICE);
            Api.Response refused = start(ALICE, Map.of("kind", "billing", "body", "A question about my bill."));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("careTeamId").contains("Choose which care team");
            assertThat(conversationsOf(ALICE)).isEqualTo(before);

            Api.Response chosen = start(ALICE, Map.of("kind", "billing", "careTeamId", demo.team(ALICE, "Dr. Patel"),
                    "body", "A question about my bill."));
            assertThat(chosen.status()).isEqualTo(201);
        } finally {
            careTeams.setHandlesBilling(practice, billingTeam, true);
        }
    }

    @Test
    void theAdminNamesTheBillingTeamOnTheTeamPage() {
        String patelTeam = demo.team(ALICE, "Dr. Patel");
        String billingTeam = demo.team(ALICE, "Billing");
        io.bedside.support.PageSession admin = io.bedside.support.PageSession.signedIn(api.base(), RIVERSIDE_ADMIN);
        assertThat(admin.get("/app/admin/teams/" + billingTeam).body()).contains("answers billing questions");
        try {
            assertThat(admin.post("/app/admin/teams/" + patelTeam, Map.of("name", "Dr. Patel's team",
                    "description", "Questions, prescription refills, referrals and appointments.",
                    "expectedResponseHours", "24", "handlesBilling", "true")).status()).isEqualTo(302);
            Api.Response billing = start(ALICE, Map.of("kind", "billing", "body", "Who do I ask about my bill?"));
            assertThat(billing.json().get("careTeam").get("name").asString()).isEqualTo("Dr. Patel's team");
        } finally {
            admin.post("/app/admin/teams/" + patelTeam, Map.of("name", "Dr. Patel's team",
                    "description", "Questions, prescription refills, referrals and appointments.",
                    "expectedResponseHours", "24"));
            admin.post("/app/admin/teams/" + billingTeam, Map.of("name", "Billing & front desk",
                    "description", "Bills, insurance and paperwork.", "expectedResponseHours", "48",
                    "handlesBilling", "true"));
        }
        assertThat(start(ALICE, Map.of("kind", "billing", "body", "And now?")).json().get("careTeam").get("name")
                .asString()).isEqualTo("Billing & front desk");
    }

    @Test
    void aProviderWhoIsNotOnTheChosenTeamIsRefused() {
        long before = conversationsOf(ALICE);
        Api.Response refused = start(ALICE, Map.of("careTeamId", demo.team(ALICE, "Billing"), "subject", "My bill",
                "body", "A question.", "providerId", demo.me(PATEL).get("id").asString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("providerId").contains("is not on Billing & front desk");
        assertThat(conversationsOf(ALICE)).isEqualTo(before);
    }
}
