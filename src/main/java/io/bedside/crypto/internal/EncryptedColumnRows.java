package io.bedside.crypto.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bedside.crypto.EncryptedColumn;
import io.bedside.shared.PracticeId;

/**
 * The ciphertexts of any {@link EncryptedColumn} a module declares, for re-encryption. Table and
 * column names come from those declarations (constants in code), never from input.
 */
@Repository
class EncryptedColumnRows {

    /** One row's primary key, the values its associated data binds, and its ciphertext. */
    record Ciphertext(List<Object> key, List<Object> context, byte[] ciphertext) {
    }

    private final JdbcClient jdbc;

    EncryptedColumnRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The practice's next rows with a value in the column, by primary key, after {@code after} (null: from the start). */
    List<Ciphertext> next(PracticeId practice, EncryptedColumn c, List<Object> after, int limit) {
        String keys = String.join(", ", c.keyColumns());
        String context = c.contextColumns().isEmpty() ? "" : ", " + String.join(", ", c.contextColumns());
        String placeholders = c.keyColumns().stream().map(k -> ":after_" + k).collect(Collectors.joining(", "));
        var spec = jdbc.sql("select " + keys + context + ", " + c.column() + " from " + c.table()
                + " where practice_id = :practice and " + c.column() + " is not null"
                + (after == null ? "" : " and (" + keys + ") > (" + placeholders + ")")
                + " order by " + keys + " limit :limit")
                .param("practice", practice.value())
                .param("limit", limit);
        if (after != null) {
            for (int i = 0; i < c.keyColumns().size(); i++) {
                spec = spec.param("after_" + c.keyColumns().get(i), after.get(i));
            }
        }
        return spec.query((rs, n) -> {
            List<Object> key = new ArrayList<>();
            for (String k : c.keyColumns()) {
                key.add(rs.getObject(k));
            }
            List<Object> ad = new ArrayList<>();
            for (String k : c.contextColumns()) {
                ad.add(rs.getObject(k));
            }
            return new Ciphertext(key, ad, rs.getBytes(c.column()));
        }).list();
    }

    /** Replaces the row's ciphertext only if it is still {@code old}; returns how many rows changed (0 or 1). */
    int replace(PracticeId practice, EncryptedColumn c, Ciphertext old, byte[] fresh) {
        String where = c.keyColumns().stream().map(k -> k + " = :key_" + k).collect(Collectors.joining(" and "));
        var update = jdbc.sql("update " + c.table() + " set " + c.column() + " = :fresh where " + where
                + " and practice_id = :practice and " + c.column() + " = :old")
                .param("fresh", fresh)
                .param("old", old.ciphertext())
                .param("practice", practice.value());
        for (int i = 0; i < c.keyColumns().size(); i++) {
            update = update.param("key_" + c.keyColumns().get(i), old.key().get(i));
        }
        return update.update();
    }
}
