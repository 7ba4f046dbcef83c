package io.bedside.live.web;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * Keeps Tomcat's connection limit ({@code server.tomcat.max-connections}) below what the process
 * may open. Each idle event stream is a connection and a file; a node that runs out of files fails
 * at everything else too (database connections, NATS, reading its own jar) and Tomcat's acceptor
 * spins on "Too many open files". Capped, the node holds that many streams and leaves further
 * connections waiting in the accept queue, where a load balancer's timeout sends them elsewhere.
 * Raise the process's limit ({@code ulimit -n}, {@code LimitNOFILE}) to hold more (docs/operations.md).
 */
@Component
class ConnectionLimit implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int reserve;

    ConnectionLimit(@Value("${bedside.live.reserved-files:500}") int reserve) {
        this.reserve = reserve;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os)) {
            return;
        }
        long files = os.getMaxFileDescriptorCount();
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProperty("maxConnections") instanceof Integer configured && configured > 0
                    && configured > files - reserve) {
                int capped = (int) Math.max(1_000, files - reserve);
                log.info("server.tomcat.max-connections is {} but the process may open {} files: holding at most {} "
                        + "connections (raise ulimit -n to hold more)", configured, files, capped);
                connector.setProperty("maxConnections", Integer.toString(capped));
            }
        });
    }

    /** After Spring Boot has applied server.tomcat.max-connections. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
