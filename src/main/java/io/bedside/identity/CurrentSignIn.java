package io.bedside.identity;

import java.util.UUID;

/**
 * Which of an account's sessions and tokens a request came through: the browser session's handle
 * (null for an API call) and the API token's id (null for a page). What "this device" is on the
 * devices list, and what a password change leaves signed in.
 */
public record CurrentSignIn(String sessionHandle, UUID tokenId) {

    public static final CurrentSignIn NONE = new CurrentSignIn(null, null);

    @Override
    public String toString() {
        return "CurrentSignIn[token=" + tokenId + "]";
    }
}
