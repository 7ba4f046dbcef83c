package io.bedside.web;

import io.bedside.shared.NotFoundException;

/** Tells a malformed typed id (answered 404) from any other value of the wrong type (400). */
final class PathIdFailures {

    private PathIdFailures() {
    }

    static boolean isMissingId(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotFoundException) {
                return true;
            }
        }
        return false;
    }
}
