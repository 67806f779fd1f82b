package io.kumo.agent.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostLinksTest {

    @Test
    void countersComeFromTheStats64OfIpsJsonAnswer() {
        String answer = """
                [{"ifindex":7,"ifname":"tapabc","mtu":1450,"stats64":{"rx":{"bytes":1000,"packets":10,"errors":1,\
                "dropped":2,"over_errors":0,"multicast":0},"tx":{"bytes":2000,"packets":20,"errors":3,"dropped":4,\
                "carrier_errors":0,"collisions":0}}}]""";

        assertThat(HostLinks.countersOf(answer)).contains(new LinkCounters(1000, 10, 1, 2, 2000, 20, 3, 4));
        assertThat(HostLinks.countersOf("[{\"ifname\":\"tapabc\"}]")).isEmpty();
    }
}
