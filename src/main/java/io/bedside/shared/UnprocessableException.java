package io.bedside.shared;

/** The request is understood but cannot be carried out as it stands (422). */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String detail) {
        super(detail);
    }
}
