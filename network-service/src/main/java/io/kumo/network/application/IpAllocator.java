package io.kumo.network.application;

import io.kumo.network.domain.AllocationPool;
import io.kumo.network.domain.Ipv4;
import io.kumo.network.domain.NeutronException;
import io.kumo.network.persistence.IpAllocation;
import io.kumo.network.persistence.IpAllocationRepository;
import io.kumo.network.persistence.IpRange;
import io.kumo.network.persistence.IpRangeRepository;
import io.kumo.network.persistence.Subnet;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * IPAM: a subnet's free addresses are kept as ranges. The next address is the first of the lowest
 * range — one locked, indexed row, so allocation costs the same in an empty /16 and a full one — and a
 * requested address splits the range holding it. The allocation's primary key (subnet, address) is
 * the final guard: no address is ever held twice. A freed address becomes a range of its own and is
 * handed out again first.
 */
@Component
class IpAllocator {

    private final IpRangeRepository ranges;
    private final IpAllocationRepository allocations;

    IpAllocator(IpRangeRepository ranges, IpAllocationRepository allocations) {
        this.ranges = ranges;
        this.allocations = allocations;
    }

    /** A new subnet's pools become its free ranges. */
    void open(Subnet subnet, List<AllocationPool> pools) {
        for (AllocationPool pool : pools) {
            ranges.save(new IpRange(subnet.id(), pool.start(), pool.end()));
        }
    }

    /** The next free address of the subnet, for the port; 409 IpAddressGenerationFailure when none is left. */
    long allocateNext(Subnet subnet, String portId) {
        List<IpRange> lowest = ranges.lowest(subnet.id(), Limit.of(1));
        if (lowest.isEmpty()) {
            throw NeutronException.conflict("IpAddressGenerationFailure",
                    "No more IP addresses available on network " + subnet.networkId() + ".");
        }
        IpRange range = lowest.get(0);
        long address = range.firstIp();
        if (!range.takeFirst()) {
            ranges.delete(range);
        }
        allocations.save(new IpAllocation(subnet.id(), address, portId, subnet.networkId()));
        return address;
    }

    /** The requested address for the port; it must be in one of the subnet's pools and free. */
    long allocate(Subnet subnet, long address, String portId) {
        if (!subnet.cidr().contains(address)) {
            throw new NeutronException(400, "InvalidIpForSubnet", "IP address " + Ipv4.format(address)
                    + " is not a valid IP for the specified subnet.");
        }
        IpRange range = ranges.containing(subnet.id(), address).orElse(null);
        if (range != null) {
            IpRange after = range.splitAround(address);
            if (range.isEmpty()) {
                ranges.delete(range);
            }
            if (after != null) {
                ranges.save(after);
            }
        } else if (allocations.existsById(new IpAllocation.Key(subnet.id(), address))) {
            throw NeutronException.conflict("IpAddressAlreadyAllocated", "IP address " + Ipv4.format(address)
                    + " already allocated in subnet " + subnet.id() + ".");
        } // else outside the pools: an operator's choice, still held at most once (the primary key)
        allocations.save(new IpAllocation(subnet.id(), address, portId, subnet.networkId()));
        return address;
    }

    /** The port's addresses go back to their subnets. */
    void release(List<IpAllocation> held) {
        for (IpAllocation allocation : held) {
            allocations.delete(allocation);
            ranges.save(new IpRange(allocation.subnetId(), allocation.ipAddress(), allocation.ipAddress()));
        }
    }
}
