package io.bedside.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.bedside.support.Api;
import io.bedside.support.ApplicationTest;
import tools.jackson.databind.JsonNode;

/**
 * Installable Bedside: the manifest, its icons, the offline page and the service worker are
 * public, of the right types, and the service worker can only ever cache the offline page's own
 * files: no page, no API answer, nothing about a patient.
 */
class InstallableAppIntegrationTests extends ApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theManifestNamesTheAppItsStartAndItsIconsWithoutSigningIn() throws Exception {
        HttpResponse<byte[]> response = get("/manifest.webmanifest");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=3600");
        JsonNode manifest = Api.JSON.readTree(response.body());
        assertThat(manifest.get("name").asString()).isEqualTo("Bedside");
        assertThat(manifest.get("short_name").asString()).isEqualTo("Bedside");
        assertThat(manifest.get("start_url").asString()).isEqualTo("/app");
        assertThat(manifest.get("scope").asString()).isEqualTo("/");
        assertThat(manifest.get("display").asString()).isEqualTo("standalone");
        assertThat(manifest.get("theme_color").asString()).matches("#[0-9a-f]{6}");
        assertThat(manifest.get("background_color").asString()).matches("#[0-9a-f]{6}");
        Set<String> kinds = new HashSet<>();
        for (JsonNode icon : manifest.get("icons")) {
            String sizes = icon.get("sizes").asString();
            HttpResponse<byte[]> png = get(icon.get("src").asString());
            assertThat(png.statusCode()).as(icon.toString()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(sizes);
            kinds.add(icon.get("purpose").asString() + " " + sizes);
        }
        assertThat(kinds).contains("any 192x192", "any 512x512", "maskable 192x192", "maskable 512x512");
        // A maskable icon fills its square (the platform cuts its own shape out of it).
        BufferedImage maskable = ImageIO.read(new ByteArrayInputStream(get("/img/icons/maskable-512.png").body()));
        assertThat(maskable.getRGB(0, 0) >>> 24).isEqualTo(0xff);
        BufferedImage apple = ImageIO.read(new ByteArrayInputStream(get("/img/icons/apple-touch-icon.png").body()));
        assertThat(apple.getWidth()).isEqualTo(180);
    }

    @Test
    void everyPageLinksTheManifestAndTheIcons() throws Exception {
        String login = new String(get("/login").body());
        assertThat(login).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">")
                .contains("rel=\"apple-touch-icon\" href=\"/img/icons/apple-touch-icon.png\"")
                .contains("<meta name=\"theme-color\"");
    }

    @Test
    void theServiceWorkerIsPublicNeverCachedByTheBrowserAndCachesOnlyTheOfflinePage() throws Exception {
        HttpResponse<byte[]> response = get("/sw.js");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        // The browser checks for a new worker at every navigation: never a stale one.
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        String source = new String(response.body());

        // The complete list of what it may keep: the offline page and its files, nothing else.
        Matcher list = Pattern.compile("var OFFLINE_ASSETS = \\[([^\\]]*)\\];").matcher(source);
        assertThat(list.find()).isTrue();
        List<String> assets = Pattern.compile("\"([^\"]+)\"|OFFLINE").matcher(list.group(1)).results()
                .map(m -> m.group(1) == null ? "/offline.html" : m.group(1)).toList();
        assertThat(assets).containsExactlyInAnyOrder("/offline.html", "/css/bedside.css", "/img/icons/icon-192.png");
        // Nothing else goes into a cache: one addAll of that list, no put, no other cache write.
        assertThat(source).containsOnlyOnce("cache.addAll(OFFLINE_ASSETS)").doesNotContain(".put(")
                .doesNotContain("/api").doesNotContain("/app/conversations\"").doesNotContain("importScripts");
        // Navigations go to the network; the offline page stands in only when that fails.
        assertThat(source).contains("request.mode === \"navigate\"").contains("fetch(request).catch");

        for (String asset : assets) {
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
        HttpResponse<byte[]> offline = get("/offline.html");
        assertThat(offline.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String page = new String(offline.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("You are offline").contains("No hay conexión").doesNotContain("<script");
    }
}
