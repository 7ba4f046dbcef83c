package io.bedside.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.support.ApplicationTest;

/** Key rotation's re-encryption pass reaches every ciphertext: each {@code *_ciphertext} column is declared. */
class EncryptedColumnsIntegrationTests extends ApplicationTest {

    @Autowired
    List<EncryptedColumn> declared;

    @Test
    void everyCiphertextColumnOfTheSchemaIsDeclaredForReencryption() {
        List<String> inSchema = jdbc.sql("""
                select lower(table_name) || '.' || lower(column_name) from information_schema.columns
                 where lower(table_schema) = 'public' and lower(column_name) like '%ciphertext%'""")
                .query(String.class).list();
        assertThat(inSchema).isNotEmpty();
        assertThat(declared.stream().map(EncryptedColumn::toString).toList()).containsExactlyInAnyOrderElementsOf(inSchema);
    }
}
