package io.bedside.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents that Bedside answers every error with. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    public static ProblemDetail unauthorized() {
        return of(HttpStatus.UNAUTHORIZED, "Sign in to continue: send a valid bearer token.");
    }

    public static ProblemDetail forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, detail);
    }

    public static ProblemDetail tooManyRequests(String detail, Duration retryAfter) {
        ProblemDetail problem = of(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setProperty("retryAfterSeconds", retryAfter.toSeconds());
        return problem;
    }
}
