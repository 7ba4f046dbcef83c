package io.bedside.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over the limit (256 KiB by default) with 413, whether the client
 * declares the length or streams the body, before anything reads it into memory.
 */
@Component
// After CanonicalPathFilter: the path it reads is then the one the handler is found by.
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The one API path that takes whole files: a practice's roster. */
    static final String IMPORT_PATH = "/api/v1/patients/import";

    /**
     * The API path that takes photos and PDFs for a message: up to the multipart limit of the
     * pages' forms (five files of 10 MB and the form around them); each file's own limit is checked
     * by the multipart parser and the send path.
     */
    static final Pattern UPLOAD_PATH = Pattern.compile("/api/v1/conversations/[^/]+/attachments");

    private final long defaultLimit;
    private final long importLimit;
    private final long uploadLimit;
    private final ProblemResponses problems;

    RequestSizeLimitFilter(@Value("${bedside.web.max-request-size:256KB}") DataSize limit,
            @Value("${bedside.web.max-import-size:32MB}") DataSize importLimit,
            @Value("${spring.servlet.multipart.max-request-size:52MB}") DataSize uploadLimit,
            ProblemResponses problems) {
        this.defaultLimit = limit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.of(request);
        long limit = IMPORT_PATH.equals(path) ? importLimit
                : UPLOAD_PATH.matcher(path).matches() ? uploadLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (hasCause(e, BodyTooLargeException.class) && !response.isCommitted()) {
                response.resetBuffer();
                tooLarge(response, limit);
                return;
            }
            throw e;
        }
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "The request is too large: at most " + (limit / 1024) + " KiB."));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Thrown while reading a body that grows past the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over the limit");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLargeException();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLargeException();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
