package io.bedside.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 9.00: fills the search column ({@code search_name}, added by V5_02) of patients
 * registered before it existed. Until issue 20 this ran at every start-up; as a migration it runs
 * once. Java, not SQL: the name is folded the way a search folds what staff type
 * ({@link PatientSearch#searchName}: Unicode decomposition, accents dropped), which neither H2 nor
 * PostgreSQL (without the unaccent extension) can do. Names are stored in clear, so no key is
 * needed. Idempotent: it touches only rows whose column is still empty.
 *
 * <p>A Spring bean, which Spring Boot hands to Flyway (its auto-configuration takes every
 * {@code JavaMigration} bean), so that it may use the module's package-private folding. The class
 * name carries the version as Flyway expects. Plain JDBC on Flyway's connection: a migration is one
 * of the named exceptions to "SQL only in repositories".
 */
@Component
class V9_00__Patient_search_names extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        record Row(UUID id, String searchName) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, given_name, family_name from patient where search_name is null");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getObject("id", UUID.class),
                        PatientSearch.searchName(rs.getString("given_name"), rs.getString("family_name"))));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update patient set search_name = ? where id = ? and search_name is null")) {
            for (Row row : rows) {
                update.setString(1, row.searchName());
                update.setObject(2, row.id());
                update.addBatch();
            }
            if (!rows.isEmpty()) {
                update.executeBatch();
            }
        }
    }
}
