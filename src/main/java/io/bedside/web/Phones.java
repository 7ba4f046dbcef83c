package io.bedside.web;

import org.springframework.stereotype.Component;

/**
 * Phone numbers on pages as people write them: a North American number stored in E.164
 * ("+15555550101") reads "+1 555-555-0101"; other numbers as stored. The {@code tel:} link keeps
 * the stored form.
 */
@Component("phones")
public class Phones {

    public String readable(String e164) {
        return shown(e164);
    }

    public static String shown(String e164) {
        if (e164 != null && e164.matches("\\+1[0-9]{10}")) {
            return "+1 " + e164.substring(2, 5) + "-" + e164.substring(5, 8) + "-" + e164.substring(8);
        }
        return e164;
    }
}
