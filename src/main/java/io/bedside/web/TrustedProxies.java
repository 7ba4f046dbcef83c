package io.bedside.web;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Which peers may say who the client is: only the proxies the operator names in
 * {@code bedside.trusted-proxies} (BEDSIDE_TRUSTED_PROXIES: addresses or CIDR ranges, comma
 * separated), none by default. Tomcat's own default trusts every private-range peer, so anyone on
 * the same network could name any address in {@code X-Forwarded-For} and dodge the sign-in
 * throttle, or put a false address in the audit trail.
 *
 * <p>Runs after Spring Boot has added the {@link RemoteIpValve} and narrows it; with
 * {@code BEDSIDE_FORWARD_HEADERS=none} there is no valve and nothing to narrow.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+/[0-9]{1,3}");

    private final String ranges;

    TrustedProxies(@Value("${bedside.trusted-proxies:}") String proxies) {
        this.ranges = ranges(proxies);
    }

    /** The named proxies as CIDR ranges for Tomcat ("" for none); a malformed one stops startup. */
    static String ranges(String proxies) {
        return Arrays.stream(proxies == null ? new String[0] : proxies.split(","))
                .map(String::strip).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"))
                .peek(TrustedProxies::check)
                .collect(Collectors.joining(","));
    }

    // Literal addresses only: NetMask would look a host name up in DNS, once, at startup.
    private static void check(String range) {
        try {
            if (!LITERAL.matcher(range).matches()) {
                throw new IllegalArgumentException("not a literal address");
            }
            new NetMask(range);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bedside.trusted-proxies: '" + range
                    + "' is not an address or a CIDR range such as 10.0.0.0/8", e);
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    valve.setInternalProxies(ranges);
                    valve.setTrustedProxies(null);
                });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
