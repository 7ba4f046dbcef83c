package io.bedside.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.bedside.shared.AuthenticationFailedException;
import io.bedside.shared.ConflictException;
import io.bedside.shared.ContentTooLargeException;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.TooManyRequestsException;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UnsupportedContentException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every error a controller can meet into an RFC 9457 problem document with a status, a
 * title and a detail a person can act on, and never a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.forbidden(e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.forbidden("You are not allowed to do this.");
    }

    @ExceptionHandler(AuthenticationFailedException.class)
    ProblemDetail authenticationFailed(AuthenticationFailedException e) {
        return Problems.of(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return problem;
    }

    /** A file of a type not accepted (found from its bytes): 415, naming the field. */
    @ExceptionHandler(UnsupportedContentException.class)
    ProblemDetail unsupportedContent(UnsupportedContentException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        problem.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return problem;
    }

    /** A file larger than accepted: 413, naming the field. */
    @ExceptionHandler(ContentTooLargeException.class)
    ProblemDetail contentTooLarge(ContentTooLargeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setProperty("errors", List.of(fieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.tooManyRequests(e.getMessage(), e.retryAfter()));
    }

    /** Anything unforeseen: logged with the correlation id, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isOutOfSpace(e) || DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e);
        }
        String correlationId = CorrelationId.current();
        log.error("Unhandled error, correlationId={}: {}", correlationId, e.getClass().getName(), e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. If it keeps happening, quote this reference: " + correlationId);
        problem.setProperty("correlationId", correlationId);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** A 507 when the database's disk is full, else a 503: both say when to try again. */
    static ResponseEntity<ProblemDetail> databaseUnavailable(Throwable e) {
        boolean full = DatabaseUnavailable.isOutOfSpace(e);
        if (full) {
            log.error("No space left for the database, correlationId={}: {}", CorrelationId.current(), e.getClass().getName());
        } else {
            log.warn("Database unavailable, correlationId={}: {}", CorrelationId.current(), e.getClass().getName());
        }
        return ResponseEntity.status(full ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(full ? DatabaseUnavailable.outOfSpace() : DatabaseUnavailable.problem());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(fieldError(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
        String fields = errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid value for: " + fields + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "The request is too large."));
            }
        }
        Throwable cause = ex.getMostSpecificCause();
        String detail;
        if (cause instanceof StreamReadException) {
            detail = "The request body is not valid JSON.";
        } else if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST,
                    "The value of '" + field + "' has the wrong type.");
            problem.setProperty("errors", List.of(fieldError(field, "has the wrong type")));
            return ResponseEntity.badRequest().body(problem);
        } else if (cause instanceof JacksonException) {
            detail = "The request body does not have the expected shape.";
        } else {
            detail = "The request body is missing or cannot be read.";
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "There is nothing at this address."));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (PathIdFailures.isMissingId(ex)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "Not found"));
        }
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "The value of '" + name + "' has the wrong type.");
        problem.setProperty("errors", List.of(fieldError(name, "has the wrong type")));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }
}
