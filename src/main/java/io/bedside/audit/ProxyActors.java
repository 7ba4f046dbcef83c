package io.bedside.audit;

import java.util.Collection;
import java.util.Map;

import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * Who acted as someone's proxy, for the access report: a row written by a patient-side account
 * acting for a record that is not its own says "Maria Nguyen (parent)", not the patient's name. The
 * identity module answers from its grants (ended ones too: the report outlives the grant); the
 * audit module never reads another module's tables.
 */
public interface ProxyActors {

    /** An account and the patient record it acted for in an audit row. */
    record ActedFor(UserId user, PatientId patient) {
    }

    /** The proxy's own name and how they are related to the patient, e.g. {@code parent}. */
    record Proxy(String name, String relationship) {
        @Override
        public String toString() {
            return "Proxy[" + relationship + "]";
        }
    }

    /** Of these, the ones in which the account acted as a proxy; the patients' own rows are left out. */
    Map<ActedFor, Proxy> proxies(PracticeId practice, Collection<ActedFor> acted);
}
