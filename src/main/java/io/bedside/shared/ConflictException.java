package io.bedside.shared;

/** The request clashes with the current state (409), e.g. the same request still in flight. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
