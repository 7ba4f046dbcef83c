package io.bedside.identity;

import io.bedside.shared.UserId;

/**
 * Some of the account's sign-ins ended: an API token revoked, a browser session signed out or
 * ended from the devices list, or the account disabled. What outlives a request on them (an open
 * event stream) checks again whether it still holds. Published in this node only; other nodes
 * find out at their next check.
 */
public record SignInsEnded(UserId userId) {
}
