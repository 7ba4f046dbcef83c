package io.bedside.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (by the servlet container or a filter) with the same
 * problem documents as the rest of the application, instead of Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // A filter (the bearer token's look-up) that met a database outage: a 503 to retry, as in controllers.
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e
                && (DatabaseUnavailable.isOutOfSpace(e) || DatabaseUnavailable.isCause(e))) {
            return ProblemDetailsAdvice.databaseUnavailable(e);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = switch (status) {
            case NOT_FOUND -> Problems.of(status, "There is nothing at this address.");
            case UNAUTHORIZED -> Problems.unauthorized();
            case FORBIDDEN -> Problems.forbidden("You are not allowed to do this.");
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> Problems.of(status, "The request is too large.");
            default -> status.is5xxServerError() ? serverError() : Problems.of(status, status.getReasonPhrase() + ".");
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail serverError() {
        String correlationId = CorrelationId.current();
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. If it keeps happening, quote this reference: " + correlationId);
        problem.setProperty("correlationId", correlationId);
        return problem;
    }
}
