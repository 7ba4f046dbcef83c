package io.bedside.shared;

/**
 * The one check of an email address, wherever one comes in (invitations, profiles, roster rows):
 * at most 254 characters (the longest a mail server takes), one "@" after 1 to 64 characters, and
 * a domain with a dot inside it; no spaces or control characters.
 *
 * <p>No regular expression: the pattern it replaces backtracked, so a crafted 256 KB address took
 * seconds. This looks at each character once, and only after the length has passed.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.indexOf('@');
        if (at < 1 || at > MAX_LOCAL_PART || address.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        String domain = address.substring(at + 1);
        int dot = domain.indexOf('.', 1);
        return dot > 0 && dot < domain.length() - 1;
    }
}
