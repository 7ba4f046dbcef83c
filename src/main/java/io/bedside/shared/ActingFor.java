package io.bedside.shared;

import java.io.Serializable;
import java.util.Objects;

/**
 * One patient record an account may act for, and how: its own ({@link Relationship#SELF}) or as a
 * proxy. A proxy never sees the patient's confidential conversations.
 */
public record ActingFor(PatientId patientId, Relationship relationship) implements Serializable {

    public ActingFor {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(relationship, "relationship");
    }

    public static ActingFor self(PatientId patient) {
        return new ActingFor(patient, Relationship.SELF);
    }

    public boolean isSelf() {
        return relationship == Relationship.SELF;
    }

    /** Whether a conversation of this patient with the given confidentiality may be shown. */
    public boolean sees(boolean confidential) {
        return isSelf() || !confidential;
    }
}
