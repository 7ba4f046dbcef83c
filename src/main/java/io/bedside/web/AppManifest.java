package io.bedside.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /manifest.webmanifest}: the web app manifest that makes "Add to Home Screen" give an
 * app-like Bedside (its own window, icon and colours) on Android and iOS. Public, the same for
 * everyone (no practice, no person), so it may be cached for an hour. The service worker beside it
 * ({@code /sw.js}, a static file) keeps only the offline page; see docs/security.md.
 */
@RestController
class AppManifest {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

    /** The accent blue of bedside.css and the page background. */
    static final String THEME = "#0b5cad";
    static final String BACKGROUND = "#f6f8fb";

    @GetMapping(path = "/manifest.webmanifest")
    ResponseEntity<Map<String, Object>> manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("id", "/app");
        manifest.put("name", "Bedside");
        manifest.put("short_name", "Bedside");
        manifest.put("description", "Secure messages with your care team");
        manifest.put("start_url", "/app");
        manifest.put("scope", "/");
        manifest.put("display", "standalone");
        manifest.put("orientation", "any");
        manifest.put("theme_color", THEME);
        manifest.put("background_color", BACKGROUND);
        manifest.put("icons", List.of(
                icon("/img/icons/icon-192.png", "192x192", "any"),
                icon("/img/icons/icon-512.png", "512x512", "any"),
                icon("/img/icons/maskable-192.png", "192x192", "maskable"),
                icon("/img/icons/maskable-512.png", "512x512", "maskable")));
        return ResponseEntity.ok()
                .contentType(MANIFEST)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(manifest);
    }

    private static Map<String, String> icon(String src, String sizes, String purpose) {
        return Map.of("src", src, "sizes", sizes, "type", "image/png", "purpose", purpose);
    }
}
