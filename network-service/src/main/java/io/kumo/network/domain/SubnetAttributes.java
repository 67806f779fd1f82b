package io.kumo.network.domain;

import java.util.List;

/** What can change on a subnet after creation. */
public record SubnetAttributes(String name, String description, boolean enableDhcp, List<String> dnsNameservers,
        List<HostRoute> hostRoutes) {

    public record HostRoute(String destination, String nexthop) {
    }
}
