package io.kumo.network.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * network-service's settings, under {@code network.*}.
 *
 * @param mtu             MTU of the physical networks (VXLAN networks get 50 less)
 * @param baseMac         MAC prefix of ports (Neutron's {@code base_mac})
 * @param vxlanVniRanges  VNIs for tenant networks, e.g. {@code 1:1000}; VXLAN is preferred when set
 * @param vlanRanges      VLAN ids for tenant networks per physical network, e.g. {@code physnet1:100:199}
 */
@ConfigurationProperties("network")
public record NetworkProperties(
        @DefaultValue("1500") int mtu,
        @DefaultValue("fa:16:3e:00:00:00") String baseMac,
        @DefaultValue List<String> vxlanVniRanges,
        @DefaultValue List<String> vlanRanges) {
}
