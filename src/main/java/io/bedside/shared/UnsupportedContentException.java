package io.bedside.shared;

/**
 * A file whose content (found from its bytes, not its name) is of a type that is not accepted:
 * 415 in the API, the form's own message on a page.
 */
public class UnsupportedContentException extends InvalidRequestException {

    public UnsupportedContentException(String field, String detail) {
        super(field, detail);
    }
}
