package io.bedside.crypto;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A column that holds ciphertext under practice keys, declared (as a bean) by the module that owns
 * its table, so that the re-encryption pass of a key rotation finds every one of them. The
 * associated data of a row is {@code purpose} and the values of {@code contextColumns} as text, in
 * order: exactly what the owner passes to {@link AssociatedData#of}. Every table has a
 * {@code practice_id}. A test fails when a {@code *_ciphertext} column is declared by nobody.
 *
 * @param table          the table
 * @param keyColumns     its primary key, to walk it in order and update one row
 * @param column         the ciphertext column (may hold null)
 * @param purpose        the purpose of the associated data
 * @param contextColumns the columns whose values follow the purpose in the associated data
 */
public record EncryptedColumn(String table, List<String> keyColumns, String column, String purpose,
        List<String> contextColumns) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public EncryptedColumn {
        Objects.requireNonNull(purpose, "purpose");
        keyColumns = List.copyOf(keyColumns);
        contextColumns = List.copyOf(contextColumns);
        // Names are put into SQL as they are: only plain identifiers from code are accepted.
        for (String name : concat(List.of(table, column), keyColumns, contextColumns)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain column or table name: " + name);
            }
        }
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("A key is needed to walk " + table);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
