package io.kumo.network.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetLayoutTest {

    @Test
    void defaultsAreTheFirstHostAsGatewayAndEveryOtherHostPooled() {
        SubnetLayout layout = SubnetLayout.of(Cidr.parse("10.10.0.0/24"), null, false, null);
        assertThat(Ipv4.format(layout.gateway())).isEqualTo("10.10.0.1");
        assertThat(layout.pools()).containsExactly(new AllocationPool(Ipv4.parse("10.10.0.2"), Ipv4.parse("10.10.0.254")));
    }

    @Test
    void aGatewayInTheMiddleSplitsTheDefaultPoolAndNoGatewayLeavesOnePool() {
        SubnetLayout middle = SubnetLayout.of(Cidr.parse("10.0.0.0/29"), "10.0.0.3", true, null);
        assertThat(middle.pools()).hasSize(2);
        SubnetLayout none = SubnetLayout.of(Cidr.parse("10.0.0.0/29"), null, true, null);
        assertThat(none.gateway()).isEqualTo(-1);
        assertThat(none.pools()).containsExactly(new AllocationPool(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.6")));
    }

    @Test
    void badCidrsGatewaysAndPoolsAreRefusedWithNeutronsTypes() {
        assertType(() -> Cidr.parse("10.10.0.5/24"), "InvalidInput");
        assertType(() -> Cidr.parse("10.10.0.0/33"), "InvalidInput");
        assertType(() -> Cidr.parse("300.1.1.0/24"), "InvalidInput");
        assertType(() -> SubnetLayout.of(Cidr.parse("10.0.0.0/24"), "10.0.1.1", true, null), "InvalidInput");
        assertType(() -> SubnetLayout.of(Cidr.parse("10.0.0.0/24"), null, false,
                List.<String[]>of(new String[] {"10.0.0.10", "10.0.0.20"}, new String[] {"10.0.0.15", "10.0.0.30"})),
                "OverlappingAllocationPools");
        assertType(() -> SubnetLayout.of(Cidr.parse("10.0.0.0/24"), null, false,
                List.<String[]>of(new String[] {"10.0.0.10", "10.0.1.20"})), "OutOfBoundsAllocationPool");
        assertType(() -> SubnetLayout.of(Cidr.parse("10.0.0.0/24"), "10.0.0.15", true,
                List.<String[]>of(new String[] {"10.0.0.10", "10.0.0.20"})), "GatewayConflictWithAllocationPools");
    }

    @Test
    void cidrsOverlapWhenTheyShareAnAddress() {
        assertThat(Cidr.parse("10.0.0.0/16").overlaps(Cidr.parse("10.0.5.0/24"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/24").overlaps(Cidr.parse("10.0.1.0/24"))).isFalse();
    }

    private static void assertType(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NeutronException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }
}
