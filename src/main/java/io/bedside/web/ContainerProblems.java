package io.bedside.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any servlet runs (an address with an encoded NUL,
 * {@code /api/v1/patients/%00}, is refused while the URI is parsed): a problem document like every
 * other error, not Tomcat's HTML status page (found by the API fuzz test).
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as RFC 9457 JSON; public because Tomcat creates it by class name. */
    public static class ReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400 ? "The request cannot be read: its address or headers are malformed."
                    : title + ".";
            try {
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was already sent: nothing more to say.
            }
        }
    }
}
