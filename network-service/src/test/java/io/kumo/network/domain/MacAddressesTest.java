package io.kumo.network.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MacAddressesTest {

    @Test
    void macsKeepTheBaseAndRandomiseTheRest() {
        MacAddresses macs = new MacAddresses("fa:16:3e:00:00:00");
        for (int i = 0; i < 100; i++) {
            assertThat(macs.next()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
        }
        assertThat(new MacAddresses("fa:16:3e:ab:00:00").next()).startsWith("fa:16:3e:ab:");
        assertThatThrownBy(() -> new MacAddresses("01:00:5e")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestedMacsMustBeUnicast() {
        assertThat(MacAddresses.validate("FA-16-3E-00-11-22")).isEqualTo("fa:16:3e:00:11:22");
        assertThatThrownBy(() -> MacAddresses.validate("01:00:5e:00:00:01")).isInstanceOf(InvalidNetworkInput.class);
        assertThatThrownBy(() -> MacAddresses.validate("zz:00:00:00:00:01")).isInstanceOf(InvalidNetworkInput.class);
    }
}
