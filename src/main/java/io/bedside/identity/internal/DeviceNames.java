package io.bedside.identity.internal;

import java.util.Locale;

/**
 * A short, human name for the client behind a User-Agent header ("Chrome on Android", "Safari on
 * iPhone", "curl"): what the signed-in devices list shows. Only this summary is stored, never the
 * whole header (which fingerprints a browser far more finely than anyone needs to recognise it).
 */
final class DeviceNames {

    private DeviceNames() {
    }

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = browser(ua);
        String system = system(ua);
        if (system == null) {
            return browser;
        }
        return browser + " on " + system;
    }

    private static String browser(String ua) {
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("samsungbrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("safari/") && ua.contains("version/")) {
            return "Safari";
        }
        for (String tool : new String[] {"curl", "wget", "python", "java", "okhttp", "postman", "go-http-client"}) {
            if (ua.startsWith(tool) || ua.contains(" " + tool)) {
                return tool.equals("java") ? "Java" : tool.equals("python") ? "Python" : tool;
            }
        }
        return "Other browser";
    }

    private static String system(String ua) {
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("iphone")) {
            return "iPhone";
        }
        if (ua.contains("ipad")) {
            return "iPad";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("mac os x") || ua.contains("macintosh")) {
            return "Mac";
        }
        if (ua.contains("cros")) {
            return "ChromeOS";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
