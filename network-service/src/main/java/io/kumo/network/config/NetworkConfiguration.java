package io.kumo.network.config;

import io.kumo.network.application.NetworkSettings;
import io.kumo.network.application.TenantSegments;
import io.kumo.network.domain.MacAddresses;
import io.kumo.network.domain.SegmentRange;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NetworkProperties.class)
class NetworkConfiguration {

    @Bean
    NetworkSettings networkSettings(NetworkProperties properties) {
        return new NetworkSettings(properties.mtu());
    }

    /** A malformed base MAC or segment range fails start-up, not the first port. */
    @Bean
    MacAddresses macAddresses(NetworkProperties properties) {
        return new MacAddresses(properties.baseMac());
    }

    @Bean
    TenantSegments tenantSegments(NetworkProperties properties) {
        List<SegmentRange> vxlan = SegmentRange.parseVxlan(properties.vxlanVniRanges().stream()
                .filter(r -> !r.isBlank()).toList());
        List<SegmentRange> vlan = SegmentRange.parseVlan(properties.vlanRanges().stream()
                .filter(r -> !r.isBlank()).toList());
        return new TenantSegments(!vxlan.isEmpty() ? vxlan : vlan);
    }
}
