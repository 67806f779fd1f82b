package io.kumo.network.application;

import io.kumo.network.domain.AddressPair;
import io.kumo.network.domain.Ipv4;
import io.kumo.network.domain.InvalidNetworkInput;
import io.kumo.network.domain.MacAddresses;
import io.kumo.network.domain.NeutronException;
import io.kumo.network.domain.PortAttributes;
import io.kumo.network.persistence.IpAllocation;
import io.kumo.network.persistence.IpAllocationRepository;
import io.kumo.network.persistence.Network;
import io.kumo.network.persistence.Pager;
import io.kumo.network.persistence.Port;
import io.kumo.network.persistence.PortRepository;
import io.kumo.network.persistence.Subnet;
import io.kumo.network.persistence.SubnetRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ports: a MAC unique across the deployment and addresses from the network's subnets (the next free
 * one, or those asked for), released when the port goes.
 */
@Service
public class PortService {

    private static final int MAC_ATTEMPTS = 16;
    /** Tries of a create that lost a race (a deadlock, or a row changed under it) before it fails. */
    private static final int CREATE_ATTEMPTS = 3;

    private final PortRepository ports;
    private final SubnetRepository subnets;
    private final IpAllocationRepository allocations;
    private final NetworkService networkAccess;
    private final IpAllocator ipam;
    private final MacAddresses macs;
    private final NetworkQuotas quotas;
    private final PortSecurity security;
    private final NetworkEvents events;
    private final Pager pager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PortService(PortRepository ports, SubnetRepository subnets, IpAllocationRepository allocations,
            NetworkService networkAccess, IpAllocator ipam, MacAddresses macs, NetworkQuotas quotas,
            PortSecurity security, NetworkEvents events, Pager pager, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.ports = ports;
        this.subnets = subnets;
        this.allocations = allocations;
        this.networkAccess = networkAccess;
        this.ipam = ipam;
        this.macs = macs;
        this.quotas = quotas;
        this.security = security;
        this.events = events;
        this.pager = pager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * @param fixedIps the addresses asked for ({@code subnet_id} and/or {@code ip_address}); null for one
     *                 address from the network's first subnet that has one free
     * @param mac      a MAC asked for (admins), or null for a new one
     * @param groups   security groups asked for, or null for the project's default group
     */
    public PortView create(Viewer viewer, String networkId, PortAttributes attributes, List<FixedIp> fixedIps,
            String mac, List<String> groups) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> createOnce(viewer, networkId, attributes, fixedIps, mac, groups));
            } catch (ConcurrencyFailureException lostARace) {
                // a create that lost a race with another (a new project's first ports, all making its
                // default security group) wrote nothing: it is safe to run again
                if (attempt == CREATE_ATTEMPTS) {
                    throw lostARace;
                }
            }
        }
    }

    private PortView createOnce(Viewer viewer, String networkId, PortAttributes attributes, List<FixedIp> fixedIps,
            String mac, List<String> groups) {
        Network network = networkAccess.visible(viewer, networkId);
        if (viewer.project() == null && !viewer.admin()) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:create_port is disallowed by policy");
        }
        if (!viewer.admin() && !viewer.member()) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:create_port is disallowed by policy");
        }
        String macAddress = mac != null ? requestedMac(viewer, mac) : freshMac();
        attributes = withValidPairs(attributes, macAddress);
        String owner = viewer.project() != null ? viewer.project() : network.projectId();
        quotas.checkOneMore(owner, "port");
        Port port = ports.saveAndFlush(new Port(UUID.randomUUID().toString(), network.id(), owner, macAddress,
                attributes, clock.instant()));
        List<Subnet> onNetwork = subnets.findByNetworkIdOrderByCreatedAt(network.id());
        if (fixedIps == null) {
            allocateAny(port, onNetwork);
        } else {
            for (FixedIp wanted : fixedIps) {
                allocate(port, onNetwork, wanted);
            }
        }
        security.apply(viewer, port, groups);
        PortView created = view(port);
        events.port("created", created, network.segment(), port.updatedAt());
        return created;
    }

    @Transactional(readOnly = true)
    public PortView get(Viewer viewer, String id) {
        return view(visible(viewer, id));
    }

    @Transactional(readOnly = true)
    public ListPage.Result<PortView> list(Viewer viewer, Specification<Port> filter, ListPage page) {
        Specification<Port> visible = viewer.admin() ? filter
                : filter.and((root, q, cb) -> cb.equal(root.get("projectId"), viewer.project()));
        ListPage.Result<Port> fetched = page.of(pager.find(ports, Port.class, visible, page.keys(), page.marker(),
                page.fetchSize()));
        List<Port> found = fetched.items();
        boolean more = fetched.more();
        List<String> ids = found.stream().map(Port::id).toList();
        Map<String, List<IpAllocation>> held = found.isEmpty() ? Map.of()
                : allocations.findByPorts(ids).stream().collect(Collectors.groupingBy(IpAllocation::portId));
        Map<String, List<String>> groups = security.groupsOf(ids);
        return new ListPage.Result<>(found.stream().map(p -> PortView.of(p, held.getOrDefault(p.id(), List.of()),
                groups.getOrDefault(p.id(), List.of()))).toList(), more);
    }

    @Transactional
    public PortView update(Viewer viewer, String id, java.util.function.UnaryOperator<PortAttributes> change,
            List<String> groups) {
        Port port = visible(viewer, id);
        if (!viewer.mayWrite(port.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:update_port is disallowed by policy");
        }
        PortAttributes changed = withValidPairs(change.apply(port.attributes()), port.macAddress());
        if (!viewer.admin() && !changed.bindingHostId().equals(port.attributes().bindingHostId())) {
            throw new NeutronException(403, "PolicyNotAuthorized",
                    "rule:update_port:binding:host_id is disallowed by policy");
        }
        port.apply(changed, clock.instant());
        if (groups != null) {
            security.replace(viewer, port, groups);
        }
        PortView updated = view(port);
        events.port("updated", updated, networkAccess.segmentOf(port.networkId()), port.updatedAt());
        return updated;
    }

    @Transactional
    public void delete(Viewer viewer, String id) {
        Port port = visible(viewer, id);
        if (!viewer.mayWrite(port.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:delete_port is disallowed by policy");
        }
        PortView gone = view(port);
        ipam.release(allocations.findByPorts(List.of(id)));
        ports.delete(port);
        events.port("deleted", gone, networkAccess.segmentOf(port.networkId()), clock.instant());
    }

    private void allocateAny(Port port, List<Subnet> onNetwork) {
        NeutronException exhausted = null;
        for (Subnet subnet : onNetwork) {
            try {
                ipam.allocateNext(subnet, port.id());
                return;
            } catch (NeutronException e) {
                exhausted = e;
            }
        }
        if (exhausted != null) {
            throw exhausted;
        }
        // a network without subnets: a port without addresses, as Neutron allows
    }

    private void allocate(Port port, List<Subnet> onNetwork, FixedIp wanted) {
        long address = -1;
        if (wanted.ipAddress() != null) {
            address = Ipv4.parse(wanted.ipAddress());
            if (address < 0) {
                throw new InvalidNetworkInput("'" + wanted.ipAddress() + "' is not a valid IP address.");
            }
        }
        Subnet subnet = null;
        for (Subnet candidate : onNetwork) {
            boolean matches = wanted.subnetId() != null ? candidate.id().equals(wanted.subnetId())
                    : address >= 0 && candidate.cidr().contains(address);
            if (matches) {
                subnet = candidate;
            }
        }
        if (subnet == null) {
            throw new NeutronException(400, "InvalidIpForNetwork", wanted.subnetId() != null
                    ? "Subnet " + wanted.subnetId() + " is not on network " + port.networkId() + "."
                    : "IP address " + wanted.ipAddress() + " is not a valid IP for any of the subnets on the network.");
        }
        if (address >= 0) {
            ipam.allocate(subnet, address, port.id());
        } else {
            ipam.allocateNext(subnet, port.id());
        }
    }

    private static PortAttributes withValidPairs(PortAttributes a, String mac) {
        return new PortAttributes(a.name(), a.description(), a.adminStateUp(), a.deviceId(), a.deviceOwner(),
                a.bindingHostId(), a.portSecurityEnabled(),
                AddressPair.validated(a.allowedAddressPairs(), mac, a.portSecurityEnabled()));
    }

    private String freshMac() {
        for (int attempt = 0; attempt < MAC_ATTEMPTS; attempt++) {
            String candidate = macs.next();
            if (!ports.existsByMacAddress(candidate)) {
                return candidate; // a concurrent twin still fails on the unique index
            }
        }
        throw new NeutronException(503, "MacAddressGenerationFailure", "Unable to generate unique mac.");
    }

    private String requestedMac(Viewer viewer, String mac) {
        String normal = MacAddresses.validate(mac);
        if (ports.existsByMacAddress(normal)) {
            throw NeutronException.conflict("MacAddressInUse", "Unable to complete operation for network. The mac "
                    + "address " + normal + " is in use.");
        }
        return normal;
    }

    Port visible(Viewer viewer, String id) {
        Port port = ports.findById(id).orElseThrow(() -> NeutronException.notFound("PortNotFound",
                "Port " + id + " could not be found."));
        if (!viewer.owns(port.projectId())) {
            throw NeutronException.notFound("PortNotFound", "Port " + id + " could not be found.");
        }
        return port;
    }

    PortView view(Port port) {
        return PortView.of(port, new ArrayList<>(allocations.findByPorts(List.of(port.id()))),
                security.groupsOf(List.of(port.id())).getOrDefault(port.id(), List.of()));
    }

    /** A fixed IP asked for: a subnet, an address, or both. */
    public record FixedIp(String subnetId, String ipAddress) {
    }
}
