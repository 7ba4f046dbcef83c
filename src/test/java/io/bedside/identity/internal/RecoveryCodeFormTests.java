package io.bedside.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A recovery code as people type it back from paper: any case, spaces or hyphens, O for 0, I or L for 1. */
class RecoveryCodeFormTests {

    @Test
    void whatPeopleTypeIsReadAsTheCode() {
        assertThat(RecoveryCodes.normalize("ab3de-fg4hj")).contains("ab3defg4hj");
        assertThat(RecoveryCodes.normalize(" AB3DE FG4HJ ")).contains("ab3defg4hj");
        assertThat(RecoveryCodes.normalize("Oo1iL-23456")).contains("0011123456");
    }

    @Test
    void sixDigitsAndOtherTextAreNotRecoveryCodes() {
        assertThat(RecoveryCodes.looksLikeRecoveryCode("123456")).isFalse();
        assertThat(RecoveryCodes.looksLikeRecoveryCode("123 456")).isFalse();
        assertThat(RecoveryCodes.looksLikeRecoveryCode(null)).isFalse();
        assertThat(RecoveryCodes.looksLikeRecoveryCode("ab3de-fg4hu")).as("u is not in the alphabet").isFalse();
        assertThat(RecoveryCodes.looksLikeRecoveryCode("ab3de-fg4h")).isFalse();
        assertThat(RecoveryCodes.looksLikeRecoveryCode("x".repeat(40))).isFalse();
    }
}
