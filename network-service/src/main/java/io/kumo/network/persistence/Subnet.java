package io.kumo.network.persistence;

import io.kumo.network.domain.AllocationPool;
import io.kumo.network.domain.Cidr;
import io.kumo.network.domain.Ipv4;
import io.kumo.network.domain.SubnetAttributes;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Neutron IPv4 subnet. Its CIDR and pools are fixed; name, description, DNS servers and routes change. */
@Entity
@Table(name = "subnets")
public class Subnet extends StandardAttributes {

    @Id
    private String id;
    private String networkId;
    private String projectId;
    private String name;
    private String description;
    private int ipVersion;
    private String cidr;
    private String gatewayIp;
    private boolean enableDhcp;
    private String dnsNameservers;
    private String hostRoutes;
    private String allocationPools;

    protected Subnet() {
    }

    public Subnet(String id, String networkId, String projectId, Cidr cidr, long gateway, List<AllocationPool> pools,
            SubnetAttributes attributes, Instant now) {
        this.id = id;
        this.networkId = networkId;
        this.projectId = projectId;
        this.ipVersion = 4;
        this.cidr = cidr.toString();
        this.gatewayIp = gateway < 0 ? null : Ipv4.format(gateway);
        this.allocationPools = String.join(",", pools.stream()
                .map(p -> Ipv4.format(p.start()) + "-" + Ipv4.format(p.end())).toList());
        created(now);
        apply(attributes, now);
    }

    public void apply(SubnetAttributes a, Instant now) {
        this.name = a.name();
        this.description = a.description();
        this.enableDhcp = a.enableDhcp();
        this.dnsNameservers = String.join(",", a.dnsNameservers());
        this.hostRoutes = String.join(",", a.hostRoutes().stream().map(r -> r.destination() + ">" + r.nexthop()).toList());
        changed(now);
    }

    public SubnetAttributes attributes() {
        List<SubnetAttributes.HostRoute> routes = new ArrayList<>();
        for (String route : split(hostRoutes)) {
            String[] parts = route.split(">", 2);
            routes.add(new SubnetAttributes.HostRoute(parts[0], parts[1]));
        }
        return new SubnetAttributes(name, description, enableDhcp, split(dnsNameservers), routes);
    }

    public List<AllocationPool> pools() {
        List<AllocationPool> pools = new ArrayList<>();
        for (String pool : split(allocationPools)) {
            String[] ends = pool.split("-", 2);
            pools.add(new AllocationPool(Ipv4.parse(ends[0]), Ipv4.parse(ends[1])));
        }
        return pools;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }


    @Override
    public String getId() {
        return id;
    }

    public String id() { return id; }
    public String networkId() { return networkId; }
    public String projectId() { return projectId; }
    public int ipVersion() { return ipVersion; }
    public Cidr cidr() { return Cidr.parse(cidr); }
    public String gatewayIp() { return gatewayIp; }
}
