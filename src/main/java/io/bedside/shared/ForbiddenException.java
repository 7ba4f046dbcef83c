package io.bedside.shared;

/** The caller may see the object but may not do this to it. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
