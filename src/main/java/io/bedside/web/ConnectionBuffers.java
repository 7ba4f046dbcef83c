package io.bedside.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Smaller per-connection buffers. Most connections are idle event streams that carry a few
 * hundred bytes at a time, and Tomcat's defaults (8 KiB for each of several buffers) cost a
 * stream about 110 KB of heap. Requests themselves are small (bodies are limited to 256 KiB and
 * read in chunks).
 */
@Component
class ConnectionBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int socketBuffer;

    ConnectionBuffers(@Value("${bedside.web.socket-buffer-bytes:2048}") int socketBuffer) {
        this.socketBuffer = socketBuffer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(socketBuffer));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(socketBuffer));
            connector.setProperty("socket.bufferPool", "0");
        });
    }
}
