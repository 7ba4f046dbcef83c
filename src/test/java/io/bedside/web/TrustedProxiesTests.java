package io.bedside.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the operator's list of proxies reads: addresses and CIDR ranges, nothing else. */
class TrustedProxiesTests {

    @Test
    void addressesBecomeRangesOfOne() {
        assertThat(TrustedProxies.ranges(" 10.0.0.5, 192.168.0.0/16 ,::1"))
                .isEqualTo("10.0.0.5/32,192.168.0.0/16,::1/128");
    }

    @Test
    void nothingNamedTrustsNoProxy() {
        assertThat(TrustedProxies.ranges("")).isEmpty();
        assertThat(TrustedProxies.ranges(" , ")).isEmpty();
    }

    @Test
    void somethingThatIsNoAddressStopsStartup() {
        assertThatThrownBy(() -> TrustedProxies.ranges("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bedside.trusted-proxies");
        assertThatThrownBy(() -> TrustedProxies.ranges("10.0.0.0/99"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
