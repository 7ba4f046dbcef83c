package io.bedside.patient;

/**
 * Mobile numbers as the roster keeps them: E.164, a plus and 8 to 15 digits, the first not 0
 * ("+15555550123"). Spaces, dots, dashes and brackets typed between the digits are dropped.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The number in E.164, or null when what was typed is not one. */
    public static String e164(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.strip().replaceAll("[\\s().-]", "");
        return digits.matches("\\+[1-9][0-9]{7,14}") ? digits : null;
    }
}
