package io.bedside.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.bedside.audit.ProxyActors;
import io.bedside.identity.ProxyGrant;
import io.bedside.patient.Patients;
import io.bedside.shared.PracticeId;

/**
 * Names proxies on access reports from the grants they held (the latest, open or ended) and the
 * name their account goes by: its own name, or, for a patient of the practice who is also a proxy,
 * their record's.
 */
@Component
class ProxyActorsForReports implements ProxyActors {

    private final ProxyGrantRows grants;
    private final UserAccounts accounts;
    private final Patients patients;

    ProxyActorsForReports(ProxyGrantRows grants, UserAccounts accounts, Patients patients) {
        this.grants = grants;
        this.accounts = accounts;
        this.patients = patients;
    }

    @Override
    public Map<ActedFor, Proxy> proxies(PracticeId practice, Collection<ActedFor> acted) {
        Map<ActedFor, Proxy> found = new HashMap<>();
        for (ActedFor a : acted) {
            Optional<UserAccount> account = accounts.find(a.user()).filter(x -> x.practiceId().equals(practice));
            if (account.isEmpty() || a.patient().equals(account.get().patientId())) {
                continue;
            }
            Optional<ProxyGrant> grant = grants.latestBetween(practice, a.patient(), a.user());
            if (grant.isEmpty()) {
                continue;
            }
            String name = Optional.ofNullable(accounts.displayNames(java.util.List.of(a.user())).get(a.user()))
                    .or(() -> Optional.ofNullable(account.get().patientId())
                            .flatMap(own -> patients.displayName(practice, own)))
                    .orElse("A proxy");
            found.put(a, new Proxy(name, grant.get().relationship().code()));
        }
        return found;
    }
}
