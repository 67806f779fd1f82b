package io.kumo.network.application;

import io.kumo.network.domain.Cidr;
import io.kumo.network.domain.InvalidNetworkInput;
import io.kumo.network.domain.NeutronException;
import io.kumo.network.domain.SubnetAttributes;
import io.kumo.network.domain.SubnetLayout;
import io.kumo.network.persistence.IpAllocationRepository;
import io.kumo.network.persistence.Network;
import io.kumo.network.persistence.NetworkRepository;
import io.kumo.network.persistence.Pager;
import io.kumo.network.persistence.Subnet;
import io.kumo.network.persistence.SubnetRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** IPv4 subnets: validated CIDR, gateway and pools, no two overlapping on one network. */
@Service
public class SubnetService {

    private final NetworkRepository networks;
    private final SubnetRepository subnets;
    private final IpAllocationRepository allocations;
    private final NetworkService networkAccess;
    private final IpAllocator ipam;
    private final NetworkQuotas quotas;
    private final Pager pager;
    private final Clock clock;

    SubnetService(NetworkRepository networks, SubnetRepository subnets, IpAllocationRepository allocations,
            NetworkService networkAccess, IpAllocator ipam, NetworkQuotas quotas, Pager pager, Clock clock) {
        this.networks = networks;
        this.subnets = subnets;
        this.allocations = allocations;
        this.networkAccess = networkAccess;
        this.ipam = ipam;
        this.quotas = quotas;
        this.pager = pager;
        this.clock = clock;
    }

    /**
     * @param request what the client asked for; the network is locked while its subnets are compared,
     *                so two overlapping subnets cannot both be created
     */
    @Transactional
    public Subnet create(Viewer viewer, SubnetRequest request) {
        if (request.ipVersion() != 4) {
            throw new InvalidNetworkInput("only IPv4 subnets are supported (ip_version 4).");
        }
        Network network = networkAccess.visible(viewer, request.networkId());
        if (!viewer.mayWrite(network.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:create_subnet is disallowed by policy");
        }
        quotas.checkOneMore(network.projectId(), "subnet");
        networks.lockById(network.id());
        Cidr cidr = Cidr.parse(request.cidr());
        SubnetLayout layout = SubnetLayout.of(cidr, request.gatewayIp(), request.gatewayGiven(), request.pools());
        for (Subnet existing : subnets.findByNetworkIdOrderByCreatedAt(network.id())) {
            if (existing.cidr().overlaps(cidr)) {
                throw new InvalidNetworkInput("Requested subnet with cidr: " + cidr + " for network: " + network.id()
                        + " overlaps with another subnet");
            }
        }
        Subnet subnet = subnets.save(new Subnet(UUID.randomUUID().toString(), network.id(), network.projectId(), cidr,
                layout.gateway(), layout.pools(), request.attributes(), clock.instant()));
        ipam.open(subnet, layout.pools());
        return subnet;
    }

    @Transactional(readOnly = true)
    public Subnet get(Viewer viewer, String id) {
        return visible(viewer, id);
    }

    @Transactional(readOnly = true)
    public ListPage.Result<Subnet> list(Viewer viewer, Specification<Subnet> filter, ListPage page) {
        Specification<Subnet> visible = viewer.admin() ? filter : filter.and((root, q, cb) -> {
            var shared = q.subquery(String.class);
            var network = shared.from(Network.class);
            shared.select(network.get("id")).where(cb.isTrue(network.get("shared")));
            return cb.or(cb.equal(root.get("projectId"), viewer.project()), root.get("networkId").in(shared));
        });
        return page.of(pager.find(subnets, Subnet.class, visible, page.keys(), page.marker(), page.fetchSize()));
    }

    @Transactional
    public Subnet update(Viewer viewer, String id, java.util.function.UnaryOperator<SubnetAttributes> change) {
        Subnet subnet = visible(viewer, id);
        if (!viewer.mayWrite(subnet.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:update_subnet is disallowed by policy");
        }
        subnet.apply(change.apply(subnet.attributes()), clock.instant());
        return subnet;
    }

    @Transactional
    public void delete(Viewer viewer, String id) {
        Subnet subnet = visible(viewer, id);
        if (!viewer.mayWrite(subnet.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:delete_subnet is disallowed by policy");
        }
        if (allocations.countBySubnet(id) > 0) {
            throw NeutronException.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                    + ": One or more ports have an IP allocation from this subnet.");
        }
        subnets.delete(subnet);
    }

    Subnet visible(Viewer viewer, String id) {
        Subnet subnet = subnets.findById(id).orElseThrow(() -> notFound(id));
        if (!canSee(viewer, subnet)) {
            throw notFound(id);
        }
        return subnet;
    }

    private boolean canSee(Viewer viewer, Subnet subnet) {
        if (viewer.owns(subnet.projectId())) {
            return true;
        }
        return networks.findById(subnet.networkId()).map(n -> n.attributes().shared()).orElse(false);
    }

    private static NeutronException notFound(String id) {
        return NeutronException.notFound("SubnetNotFound", "Subnet " + id + " could not be found.");
    }

    /**
     * A subnet as asked for.
     *
     * @param gatewayGiven whether {@code gateway_ip} was in the request at all (null then means "no gateway")
     * @param pools        {start, end} pairs, or null for the default pools
     */
    public record SubnetRequest(String networkId, int ipVersion, String cidr, String gatewayIp, boolean gatewayGiven,
            List<String[]> pools, SubnetAttributes attributes) {
    }
}
