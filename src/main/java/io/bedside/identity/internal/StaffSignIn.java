package io.bedside.identity.internal;

/** How a member of staff's account signs in, for the practice's staff list. */
public record StaffSignIn(String email, boolean hasPassword, boolean active) {
}
