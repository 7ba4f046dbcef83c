package io.bedside.shared;

/**
 * Nothing the caller may see has this id. Thrown alike for a missing row and for a row that
 * belongs to another patient or practice, so that an answer never confirms that an id exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("Not found");
    }

    public NotFoundException(String detail) {
        super(detail);
    }
}
