package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.bedside.shared.ActingFor;
import io.bedside.shared.PatientId;

/**
 * The patient records a patient-side list may show: those seen whole (the account's own), and those
 * seen without their confidential conversations (the records it is a proxy for).
 */
record PatientScope(List<PatientId> whole, List<PatientId> shared) {

    static PatientScope of(List<ActingFor> family) {
        List<PatientId> whole = new ArrayList<>();
        List<PatientId> shared = new ArrayList<>();
        family.forEach(f -> (f.isSelf() ? whole : shared).add(f.patientId()));
        return new PatientScope(List.copyOf(whole), List.copyOf(shared));
    }

    /** The SQL condition on conversation {@code c}, its parameters added to {@code params}. */
    String condition(Map<String, Object> params) {
        List<String> parts = new ArrayList<>();
        if (!whole.isEmpty()) {
            parts.add("c.patient_id in (:scopeWhole)");
            params.put("scopeWhole", whole.stream().map(PatientId::value).toList());
        }
        if (!shared.isEmpty()) {
            parts.add("(c.patient_id in (:scopeShared) and not c.confidential)");
            params.put("scopeShared", shared.stream().map(PatientId::value).toList());
        }
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")";
    }
}
