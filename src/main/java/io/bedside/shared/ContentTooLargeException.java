package io.bedside.shared;

/** A file larger than accepted: 413 in the API, the form's own message on a page. */
public class ContentTooLargeException extends InvalidRequestException {

    public ContentTooLargeException(String field, String detail) {
        super(field, detail);
    }
}
