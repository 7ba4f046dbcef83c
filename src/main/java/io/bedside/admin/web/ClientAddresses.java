package io.bedside.admin.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Where a request came from, as an admin reads it: “this computer (localhost)” for the loopback
 * address, IPv6 in its short form (2001:db8::1 rather than 2001:db8:0:0:0:0:0:1), IPv4 as it is.
 */
@Component("clientAddresses")
class ClientAddresses {

    private final MessageSource messages;

    ClientAddresses(MessageSource messages) {
        this.messages = messages;
    }

    public String readable(String address, Locale locale) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String text = address.strip();
        String shortened = text.contains(":") ? compressIpv6(text) : text;
        if ("::1".equals(shortened) || text.startsWith("127.") || "localhost".equalsIgnoreCase(text)) {
            return messages.getMessage("admin.address.localhost", null, "this computer (localhost)", locale);
        }
        if (shortened.startsWith("::ffff:") && shortened.substring(7).contains(".")) {
            return shortened.substring(7);
        }
        return shortened;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as “::”. */
    static String compressIpv6(String address) {
        String text = address.toLowerCase(Locale.ROOT);
        int zone = text.indexOf('%');
        String suffix = zone >= 0 ? text.substring(zone) : "";
        text = zone >= 0 ? text.substring(0, zone) : text;
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        String[] groups = expand(text);
        if (groups == null) {
            return address;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length;) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (bestLength >= 2 && i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(groups[i]);
        }
        return out + suffix;
    }

    /** The eight groups without leading zeros, or null when it is not an IPv6 address. */
    private static String[] expand(String text) {
        String[] groups = new String[8];
        String head = text;
        String tail = "";
        int gap = text.indexOf("::");
        if (gap >= 0) {
            head = text.substring(0, gap);
            tail = text.substring(gap + 2);
        }
        String[] first = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] last = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        if (last.length > 0 && last[last.length - 1].contains(".")) {
            return null; // an embedded IPv4 address: shown as given
        }
        if (gap < 0 && first.length != 8 || first.length + last.length > (gap < 0 ? 8 : 7)) {
            return null;
        }
        Arrays.fill(groups, "0");
        try {
            for (int i = 0; i < first.length; i++) {
                groups[i] = Integer.toHexString(Integer.parseInt(first[i], 16));
            }
            for (int i = 0; i < last.length; i++) {
                groups[8 - last.length + i] = Integer.toHexString(Integer.parseInt(last[i], 16));
            }
        } catch (NumberFormatException notHex) {
            return null;
        }
        return groups;
    }
}
