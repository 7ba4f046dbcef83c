package io.bedside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.bedside.crypto.AssociatedData;
import io.bedside.crypto.MasterKeysetMissingException;
import io.bedside.crypto.PracticeEncryption;
import io.bedside.shared.PracticeId;
import io.bedside.support.Api;

/** Starting Bedside the ways an operator would: the embedded demo twice, and production without and with a key. */
@ExtendWith(OutputCaptureExtension.class)
class StartupIntegrationTests {

    @Test
    void embeddedDemoKeepsItsDataAndKeyAcrossARestart(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        Path keyset = dataDir.resolve("master-keyset.json");
        byte[] ciphertext;
        PracticeId practice;
        AssociatedData row = AssociatedData.of("test", "row-1");

        try (ConfigurableApplicationContext first = start("--bedside.data-dir=" + dataDir)) {
            assertThat(keyset).exists();
            assertThat(output.getAll()).contains("DEMO MODE: generated a new master keyset");
            assertThat(practices(first)).isEqualTo(2);
            practice = PracticeId.of(first.getBean(JdbcClient.class)
                    .sql("select id from practice where slug = 'riverside'").query(UUID.class).single());
            ciphertext = first.getBean(PracticeEncryption.class).encrypt(practice, "kept".getBytes(StandardCharsets.UTF_8), row);
        }
        String keysetBefore = Files.readString(keyset);

        try (ConfigurableApplicationContext second = start("--bedside.data-dir=" + dataDir)) {
            assertThat(Files.readString(keyset)).isEqualTo(keysetBefore);
            assertThat(practices(second)).isEqualTo(2);
            assertThat(second.getBean(PracticeEncryption.class).decrypt(practice, ciphertext, row))
                    .isEqualTo("kept".getBytes(StandardCharsets.UTF_8));
            int port = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            Api.Response health = new Api("http://127.0.0.1:" + port).get("/actuator/health").send();
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void productionStartWithoutAKeysetRefusesWithAPlainExplanation(@TempDir Path dataDir, CapturedOutput output) {
        assertThatThrownBy(() -> start("--bedside.data-dir=" + dataDir, "--bedside.db.url=" + h2()))
                .hasRootCauseInstanceOf(MasterKeysetMissingException.class);
        assertThat(output.getAll()).contains("BEDSIDE_MASTER_KEYSET");
        assertThat(dataDir.resolve("master-keyset.json")).doesNotExist();
    }

    @Test
    void productionStartWithAKeysetSeedsNothing(@TempDir Path dir) throws Exception {
        AeadConfig.register();
        Path keyset = dir.resolve("prod-keyset.json");
        Files.writeString(keyset, TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()));

        try (ConfigurableApplicationContext app = start("--bedside.db.url=" + h2(),
                "--bedside.crypto.master-keyset=" + keyset, "--bedside.data-dir=" + dir)) {
            assertThat(app.getEnvironment().getProperty("bedside.demo")).isEqualTo("false");
            assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
            assertThat(practices(app)).isZero();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        return new SpringApplicationBuilder(BedsideApplication.class).run(all);
    }

    private static long practices(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("select count(*) from practice").query(Long.class).single();
    }

    private static String h2() {
        return "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }
}
