package io.bedside.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.bedside.support.Api;
import io.bedside.support.BothDatabases;
import io.bedside.support.Deployment;
import io.bedside.support.TestDatabases;

/**
 * Going live: the setup command run as an operator would, on an empty database with demo mode off
 * and the master keyset made by the keyset command; the printed link opens the invitation page of
 * a node started afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothDatabases
class SetupCommandIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    Deployment deployment;
    int port;

    boolean postgres() {
        return TestDatabases.postgres();
    }

    @BeforeEach
    void emptyDeployment(CapturedOutput output) {
        deployment = Deployment.on(postgres(), dir);
        port = Deployment.freePort();
        Deployment.Outcome keyset = deployment.run(output, "--bedside.keys.generate=" + deployment.masterKeyset());
        assertThat(keyset.exitCode()).isZero();
    }

    @AfterEach
    void dropDatabase() {
        deployment.close();
    }

    private Deployment.Outcome setup(CapturedOutput output, String practice, String zone, String email, String name,
            String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "--bedside.setup.practice=" + practice;
        args[1] = "--bedside.setup.time-zone=" + zone;
        args[2] = "--bedside.setup.admin-email=" + email;
        args[3] = "--bedside.setup.admin-name=" + name;
        args[4] = "--bedside.base-url=http://127.0.0.1:" + port;
        System.arraycopy(more, 0, args, 5, more.length);
        return deployment.run(output, withMail(args));
    }

    private String[] withMail(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--spring.mail.host=127.0.0.1";
        all[args.length + 1] = "--spring.mail.port=" + smtp.getSmtp().getPort();
        return all;
    }

    @Test
    void setupOnAnEmptyDatabaseCreatesThePracticeAndItsAdminAndPrintsOneWorkingInvitation(CapturedOutput output)
            throws Exception {
        Deployment.Outcome setup = setup(output, "Hillview Clinic", "America/Chicago", "ops@hillview.example",
                "Dana Ortiz", "--bedside.setup.language=es");

        assertThat(setup.exitCode()).isZero();
        assertThat(setup.lines("Invitation: ")).hasSize(1);
        String link = setup.lines("Invitation: ").get(0).substring("Invitation: ".length());
        assertThat(link).matches("http://127\\.0\\.0\\.1:" + port + "/invite/[A-Za-z0-9_-]{43,}");
        assertThat(setup.out()).contains("Email to ops@hillview.example: sent");
        var jdbc = deployment.jdbc();
        assertThat(jdbc.sql("select slug, name, time_zone, default_language from practice")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .list()).containsExactly("hillview-clinic|Hillview Clinic|America/Chicago|es");
        assertThat(jdbc.sql("select count(*) from practice where slug in ('riverside', 'lakeside')").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from crypto_practice_keyset").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select s.role from staff s join user_account u on u.id = s.id
                 where u.email = 'ops@hillview.example' and u.password_hash is null and s.display_name = 'Dana Ortiz'""")
                .query(String.class).list()).containsExactly("practice_admin");
        assertThat(jdbc.sql("select actor_kind || ' ' || action from audit_event order by action").query(String.class).list())
                .containsExactly("SYSTEM practice.created", "SYSTEM staff.invited");
        assertThat(jdbc.sql("select count(*) from audit_pending").query(Long.class).single()).isZero();

        // The invitation email went out before the command ended, with a link of its own to the same invitation.
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        var email = smtp.getReceivedMessages()[0];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("ops@hillview.example");
        assertThat(GreenMailUtil.getBody(email)).contains("http://127.0.0.1:" + port + "/invite/");

        try (ConfigurableApplicationContext node = deployment.serve(port)) {
            Api api = new Api("http://127.0.0.1:" + port);
            Api.Response page = api.get(link.substring(api.base().length())).send();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Dana Ortiz").contains("Hillview Clinic");
        }
    }

    @Test
    void severalPracticesAreMadeOneAfterAnother(CapturedOutput output) {
        assertThat(setup(output, "Hillview Clinic", "America/Chicago", "ops@hillview.example", "Dana Ortiz").exitCode())
                .isZero();
        Deployment.Outcome second = setup(output, "Clínica São José", "America/Sao_Paulo", "admin@saojose.example",
                "Rosa Lima");
        Deployment.Outcome third = setup(output, "Hillview Clinic", "America/New_York", "east@hillview.example",
                "Ann Lee");

        assertThat(second.exitCode()).isZero();
        assertThat(third.exitCode()).isZero();
        assertThat(second.lines("Invitation: ")).hasSize(1);
        assertThat(third.lines("Invitation: ")).hasSize(1).doesNotContainAnyElementsOf(second.lines("Invitation: "));
        assertThat(deployment.jdbc().sql("select slug from practice order by slug").query(String.class).list())
                .containsExactly("clinica-sao-jose", "hillview-clinic", "hillview-clinic-2");
        assertThat(deployment.jdbc().sql("select count(*) from crypto_practice_keyset").query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void badOrDuplicateInputExitsTwoWithAMessageAndWritesNothing(CapturedOutput output) {
        assertThat(setup(output, "Hillview Clinic", "America/Chicago", "ops@hillview.example", "Dana Ortiz").exitCode())
                .isZero();
        long rows = deployment.totalRows();
        int emails = smtp.getReceivedMessages().length;

        Deployment.Outcome duplicate = setup(output, "Other Clinic", "America/Chicago", "OPS@hillview.example", "Sam Roe");
        Deployment.Outcome zone = setup(output, "Other Clinic", "Mars/Olympus_Mons", "new@other.example", "Sam Roe");
        Deployment.Outcome blank = setup(output, "   ", "America/Chicago", "new@other.example", "Sam Roe");
        Deployment.Outcome noAdminName = setup(output, "Other Clinic", "America/Chicago", "new@other.example", " ");
        Deployment.Outcome language = setup(output, "Other Clinic", "America/Chicago", "new@other.example", "Sam Roe",
                "--bedside.setup.language=fr");
        Deployment.Outcome badEmail = setup(output, "Other Clinic", "America/Chicago", "not-an-email", "Sam Roe");

        assertThat(duplicate.err()).contains("admin-email").contains("already exists");
        assertThat(zone.err()).contains("'Mars/Olympus_Mons' is not a known time zone");
        assertThat(blank.err()).contains("Give the practice's name");
        assertThat(noAdminName.err()).contains("admin-name");
        assertThat(language.err()).contains("'fr' is not a language");
        assertThat(badEmail.err()).contains("admin-email");
        for (Deployment.Outcome refused : new Deployment.Outcome[] {duplicate, zone, blank, noAdminName, language, badEmail}) {
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.lines("Invitation: ")).isEmpty();
            assertThat(refused.err()).contains("Nothing was written");
        }
        assertThat(deployment.totalRows()).isEqualTo(rows);
        assertThat(smtp.getReceivedMessages()).hasSize(emails);
    }

}
