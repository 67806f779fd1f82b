package io.kumo.compute.domain;

/** What a project's servers hold, as the instances, cores and ram quotas count it. */
public record ComputeUsage(long servers, long vcpus, long ramMb) {

    public static final ComputeUsage NONE = new ComputeUsage(0, 0, 0);

    public ComputeUsage plus(ComputeUsage other) {
        return new ComputeUsage(servers + other.servers, vcpus + other.vcpus, ramMb + other.ramMb);
    }

    /** {@code count} servers of the flavor. */
    public static ComputeUsage of(Flavor flavor, int count) {
        return new ComputeUsage(count, (long) flavor.vcpus() * count, (long) flavor.ramMb() * count);
    }

    public long of(ComputeQuota quota) {
        return switch (quota) {
            case INSTANCES -> servers;
            case CORES -> vcpus;
            case RAM -> ramMb;
            default -> 0;
        };
    }
}
