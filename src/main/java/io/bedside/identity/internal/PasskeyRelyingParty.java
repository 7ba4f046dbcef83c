package io.bedside.identity.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where passkeys belong: the relying party id (a domain, never an IP address: WebAuthn refuses
 * those) and the origins whose pages may use them. Both default to {@code bedside.base-url}; on
 * localhost the running port is allowed too, so a development or test server on any port works
 * (a browser treats http://localhost as a secure context).
 */
class PasskeyRelyingParty implements ApplicationListener<WebServerInitializedEvent> {

    private final String rpId;
    private final boolean originsConfigured;
    // Read by WebAuthn at every check: the running port is added once the server has one.
    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    PasskeyRelyingParty(String rpId, List<String> origins, String baseUrl) {
        URI base = URI.create(baseUrl);
        this.rpId = rpId == null || rpId.isBlank() ? base.getHost() : rpId.strip();
        List<String> configured = origins.stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(PasskeyRelyingParty::withoutSlash).toList();
        this.originsConfigured = !configured.isEmpty();
        if (originsConfigured) {
            this.origins.addAll(configured);
        } else {
            this.origins.add(base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort()));
        }
    }

    String rpId() {
        return rpId;
    }

    Set<String> origins() {
        return origins;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (!originsConfigured && "localhost".equals(rpId) && (namespace == null || namespace.isEmpty())) {
            origins.add("http://localhost:" + event.getWebServer().getPort());
        }
    }

    private static String withoutSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
