package io.bedside.messaging.internal;

import java.util.UUID;

/** Someone named in a conversation: a patient or a member of staff. */
public record Person(UUID id, String displayName, String role, Person onBehalfOf) {

    public Person(UUID id, String displayName, String role) {
        this(id, displayName, role, null);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
