package io.bedside.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = {"name@example.org", "a@b.co", "first.last+tag@sub.example.co.uk", "o'neil@example.ie",
            "ñandú@ejemplo.es"})
    void addressesPeopleHaveAreAccepted(String address) {
        assertThat(EmailAddresses.valid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "name", "@example.org", "name@", "name@example", "name@.org", "name@example.",
            "two@@example.org", "a@b@example.org", "with space@example.org", "name@exam ple.org", "tab\t@example.org",
            "line@example.org\n"})
    void somethingThatIsNoAddressIsRefused(String text) {
        assertThat(EmailAddresses.valid(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 300})
    void aLocalPartOver64CharactersIsRefused(int length) {
        assertThat(EmailAddresses.valid("a".repeat(length) + "@example.org")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {254, 255})
    void theWholeAddressIsAtMost254Characters(int length) {
        String domain = "d".repeat(length - "name@".length() - ".org".length()) + ".org";
        assertThat(EmailAddresses.valid("name@" + domain)).isEqualTo(length <= EmailAddresses.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(ints = {256 * 1024})
    void aCraftedHugeAddressIsRefused(int size) {
        assertThat(EmailAddresses.valid("a@" + "a.".repeat(size / 2) + "@")).isFalse();
        assertThat(EmailAddresses.valid(null)).isFalse();
    }
}
