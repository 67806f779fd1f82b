package io.kumo.network.application;

import io.kumo.network.domain.NetworkAttributes;
import io.kumo.network.domain.NeutronException;
import io.kumo.network.domain.NetworkType;
import io.kumo.network.domain.Segment;
import io.kumo.network.persistence.Network;
import io.kumo.network.persistence.NetworkRepository;
import io.kumo.network.persistence.Pager;
import io.kumo.network.persistence.PortRepository;
import io.kumo.network.persistence.SubnetRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Networks: create (with a segment), show, list, update, delete. Another project's private network is a 404. */
@Service
public class NetworkService {

    private final NetworkRepository networks;
    private final SubnetRepository subnets;
    private final PortRepository ports;
    private final SegmentAllocator segments;
    private final NetworkSettings settings;
    private final NetworkQuotas quotas;
    private final Pager pager;
    private final Clock clock;

    NetworkService(NetworkRepository networks, SubnetRepository subnets, PortRepository ports,
            SegmentAllocator segments, NetworkSettings settings, NetworkQuotas quotas, Pager pager, Clock clock) {
        this.networks = networks;
        this.subnets = subnets;
        this.ports = ports;
        this.segments = segments;
        this.settings = settings;
        this.quotas = quotas;
        this.pager = pager;
        this.clock = clock;
    }

    /** @param provider the admin's provider segment, or null for a tenant network */
    @Transactional
    public NetworkView create(Viewer viewer, String projectId, NetworkAttributes attributes, Segment provider) {
        String owner = projectId != null ? projectId : viewer.project();
        if (owner == null || !viewer.mayWrite(owner)) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:create_network is disallowed by policy");
        }
        if (!viewer.admin() && (provider != null || attributes.shared() || attributes.routerExternal())) {
            throw new NeutronException(403, "PolicyNotAuthorized",
                    "(rule:create_network and rule:create_network:provider:network_type) is disallowed by policy");
        }
        quotas.checkOneMore(owner, "network");
        String id = UUID.randomUUID().toString();
        Segment segment = provider != null ? provider : segments.pickTenantSegment();
        int mtu = segment.type() == NetworkType.VXLAN ? settings.mtu() - 50 : settings.mtu();
        Network network = networks.saveAndFlush(new Network(id, owner, attributes, segment, mtu, clock.instant()));
        segments.claim(segment, id);
        return NetworkView.of(network, List.of());
    }

    @Transactional(readOnly = true)
    public NetworkView get(Viewer viewer, String id) {
        Network network = visible(viewer, id);
        return NetworkView.of(network, subnetIds(id));
    }

    @Transactional(readOnly = true)
    public ListPage.Result<NetworkView> list(Viewer viewer, Specification<Network> filter, ListPage page) {
        Specification<Network> visible = viewer.admin() ? filter : filter.and((root, q, cb) ->
                cb.or(cb.equal(root.get("projectId"), viewer.project()), cb.isTrue(root.get("shared"))));
        ListPage.Result<Network> found = page.of(pager.find(networks, Network.class, visible, page.keys(),
                page.marker(), page.fetchSize()));
        return new ListPage.Result<>(found.items().stream().map(n -> NetworkView.of(n, subnetIds(n.id()))).toList(),
                found.more());
    }

    @Transactional
    public NetworkView update(Viewer viewer, String id, java.util.function.UnaryOperator<NetworkAttributes> change) {
        Network network = visible(viewer, id);
        if (!viewer.mayWrite(network.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:update_network is disallowed by policy");
        }
        NetworkAttributes changed = change.apply(network.attributes());
        if (!viewer.admin() && (changed.shared() != network.attributes().shared()
                || changed.routerExternal() != network.attributes().routerExternal())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:update_network:shared is disallowed by policy");
        }
        network.apply(changed, clock.instant());
        return NetworkView.of(network, subnetIds(id));
    }

    @Transactional
    public void delete(Viewer viewer, String id) {
        Network network = visible(viewer, id);
        if (!viewer.mayWrite(network.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:delete_network is disallowed by policy");
        }
        if (ports.countByNetworkId(id) > 0) {
            throw NeutronException.conflict("NetworkInUse", "Unable to complete operation on network " + id
                    + ". There are one or more ports still in use on the network.");
        }
        subnets.deleteAll(subnets.findByNetworkIdOrderByCreatedAt(id));
        networks.delete(network);
    }

    /** A network the viewer may see (own, shared, or any for admins), else NetworkNotFound. */
    Network visible(Viewer viewer, String id) {
        Network network = networks.findById(id).orElseThrow(() -> notFound(id));
        if (!viewer.owns(network.projectId()) && !network.attributes().shared()) {
            throw notFound(id);
        }
        return network;
    }

    /** The segment of a network, whoever asks (for events about ports on it). */
    Segment segmentOf(String networkId) {
        return networks.findById(networkId).map(Network::segment).orElse(Segment.LOCAL);
    }

    static NeutronException notFound(String id) {
        return NeutronException.notFound("NetworkNotFound", "Network " + id + " could not be found.");
    }

    private List<String> subnetIds(String networkId) {
        return subnets.findByNetworkIdOrderByCreatedAt(networkId).stream().map(s -> s.id()).toList();
    }
}
