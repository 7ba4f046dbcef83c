package io.bedside.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.StaticMessageSource;

/** Addresses in the admin's audit trail, as people read them. */
class ClientAddressesTests {

    private final ClientAddresses addresses = new ClientAddresses(new StaticMessageSource());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0:0:0:0:0:0:0:1            | this computer (localhost)
            ::1                        | this computer (localhost)
            127.0.0.1                  | this computer (localhost)
            192.168.1.10               | 192.168.1.10
            2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
            2001:DB8:0:0:1:0:0:1       | 2001:db8::1:0:0:1
            fe80:0:0:0:1:2:3:4%eth0    | fe80::1:2:3:4%eth0
            2001:db8:1:2:3:4:5:6       | 2001:db8:1:2:3:4:5:6
            ::ffff:10.0.0.7            | 10.0.0.7
            """)
    void readable(String stored, String shown) {
        assertThat(addresses.readable(stored, Locale.US)).isEqualTo(shown);
    }
}
