package io.bedside.crypto;

/** Outside demo mode Bedside refuses to start without its master keyset. */
public class MasterKeysetMissingException extends RuntimeException {

    private final String location;

    public MasterKeysetMissingException(String location) {
        super("No master keyset at " + (location == null || location.isBlank() ? "(not configured)" : location));
        this.location = location;
    }

    public String location() {
        return location;
    }
}
