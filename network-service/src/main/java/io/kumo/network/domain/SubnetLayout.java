package io.kumo.network.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a subnet's gateway and allocation pools are, with Neutron's defaults and checks: the gateway is
 * the first host unless given (or disabled with null), the pools are every other host; pools lie in
 * the subnet, do not overlap and do not contain the gateway.
 *
 * @param gateway the gateway address, or -1 for none
 */
public record SubnetLayout(Cidr cidr, long gateway, List<AllocationPool> pools) {

    public static SubnetLayout of(Cidr cidr, String gatewayText, boolean gatewayGiven, List<String[]> poolTexts) {
        if (cidr.prefix() > 30) {
            throw new InvalidNetworkInput("the subnet " + cidr + " is too small: use a /30 or larger.");
        }
        long gateway;
        if (!gatewayGiven) {
            gateway = cidr.firstHost();
        } else if (gatewayText == null) {
            gateway = -1;
        } else {
            gateway = Ipv4.parse(gatewayText);
            if (gateway < 0) {
                throw new InvalidNetworkInput("'" + gatewayText + "' is not a valid IP address.");
            }
            if (!cidr.contains(gateway) || gateway == cidr.first() || gateway == cidr.last()) {
                throw new InvalidNetworkInput("Gateway IP " + gatewayText + " is not in subnet " + cidr
                        + " or is its network or broadcast address.");
            }
        }
        List<AllocationPool> pools = poolTexts == null ? defaultPools(cidr, gateway) : pools(cidr, poolTexts);
        for (AllocationPool pool : pools) {
            if (gateway >= 0 && pool.contains(gateway)) {
                throw new NeutronException(409, "GatewayConflictWithAllocationPools", "Gateway ip "
                        + Ipv4.format(gateway) + " conflicts with allocation pool " + Ipv4.format(pool.start()) + "-"
                        + Ipv4.format(pool.end()) + ".");
            }
        }
        return new SubnetLayout(cidr, gateway, pools);
    }

    private static List<AllocationPool> defaultPools(Cidr cidr, long gateway) {
        List<AllocationPool> pools = new ArrayList<>();
        long start = cidr.firstHost();
        long end = cidr.lastHost();
        if (gateway >= start && gateway <= end) {
            if (gateway > start) {
                pools.add(new AllocationPool(start, gateway - 1));
            }
            if (gateway < end) {
                pools.add(new AllocationPool(gateway + 1, end));
            }
        } else {
            pools.add(new AllocationPool(start, end));
        }
        return pools;
    }

    private static List<AllocationPool> pools(Cidr cidr, List<String[]> texts) {
        List<AllocationPool> pools = new ArrayList<>();
        for (String[] text : texts) {
            long start = Ipv4.parse(text[0]);
            long end = Ipv4.parse(text[1]);
            if (start < 0 || end < 0 || start > end) {
                throw new InvalidNetworkInput("the allocation pool " + text[0] + "-" + text[1]
                        + " is not a valid IP range.");
            }
            if (start < cidr.firstHost() || end > cidr.lastHost()) {
                throw new NeutronException(400, "OutOfBoundsAllocationPool", "The allocation pool " + text[0] + "-"
                        + text[1] + " spans beyond the subnet cidr " + cidr + ".");
            }
            pools.add(new AllocationPool(start, end));
        }
        pools.sort(Comparator.comparingLong(AllocationPool::start));
        for (int i = 1; i < pools.size(); i++) {
            if (pools.get(i - 1).overlaps(pools.get(i))) {
                throw new NeutronException(409, "OverlappingAllocationPools", "Found overlapping allocation pools: "
                        + describe(pools.get(i - 1)) + " and " + describe(pools.get(i)) + " for subnet " + cidr + ".");
            }
        }
        return pools;
    }

    private static String describe(AllocationPool pool) {
        return Ipv4.format(pool.start()) + "-" + Ipv4.format(pool.end());
    }
}
