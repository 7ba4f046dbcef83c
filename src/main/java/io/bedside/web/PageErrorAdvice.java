package io.bedside.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import io.bedside.shared.ConflictException;
import io.bedside.shared.ControlCharacters;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.TooManyRequestsException;
import io.bedside.shared.UnprocessableException;

/**
 * Errors on pages become a friendly page in the reader's language with a way back, never a stack
 * trace. Invalid form input is handled by the page itself; what reaches here is the rest.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "error.notFound");
    }

    /** A malformed id in the address names nothing: the same page as a missing one. */
    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView wrongType(TypeMismatchException e) {
        return PathIdFailures.isMissingId(e) ? notFound() : page(HttpStatus.BAD_REQUEST, "error.invalid");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid() {
        return page(HttpStatus.BAD_REQUEST, "error.invalid");
    }

    /**
     * A form field holding a control character is refused before the page's own handler runs, so the
     * reason (which names the field, never its value) is shown here.
     */
    @ExceptionHandler(ControlCharacters.Refused.class)
    ModelAndView controlCharacter(ControlCharacters.Refused e) {
        ModelAndView page = page(HttpStatus.BAD_REQUEST, "error.invalid");
        page.addObject("reason", e.getMessage());
        return page;
    }

    /** A request that cannot be done as things stand; the service's reason is shown (it names no patient). */
    @ExceptionHandler({ConflictException.class, UnprocessableException.class})
    ModelAndView cannot(RuntimeException e) {
        ModelAndView page = page(e instanceof ConflictException ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_CONTENT, "error.cannot");
        page.addObject("reason", e.getMessage());
        return page;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany() {
        return page(HttpStatus.TOO_MANY_REQUESTS, "error.tooMany");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        return page(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        String correlationId = CorrelationId.current();
        log.error("Unhandled error on a page, correlationId={}: {}", correlationId, e.getClass().getName(), e);
        ModelAndView page = page(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
        page.addObject("reference", correlationId);
        return page;
    }

    private static ModelAndView page(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        return page;
    }

}
