package io.bedside.identity;

/** What changed in the way an account signs in; each is audited and told to the account's email. */
public enum CredentialChange {
    PASSKEY_ADDED,
    PASSKEY_REMOVED,
    RECOVERY_CODES_REGENERATED,
    RECOVERY_CODE_USED,
    AUTHENTICATOR_RESET
}
