package io.kumo.scheduler.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler's settings, under {@code scheduler.*}; the names follow Nova's [filter_scheduler] options.
 *
 * @param filters          enabled filters in the order they run; an unknown name fails start-up
 * @param weighers         enabled weighers
 * @param hostDownAfter    a host without a heartbeat for this long is down
 * @param alternates       hosts besides the chosen one returned for reschedules
 * @param claimAttempts    ranked hosts tried in turn when claims lose races
 * @param recordLimit      host names kept per rejection group in a decision record
 * @param cacheRefresh     how often rows others changed are read into the host cache
 * @param heartbeatFlush   how often heartbeats are written to the database
 * @param decisionRetention how long decision records are kept
 * @param scorePercentage  share of the hosts examined per decision once enough fit: 0 adapts to the fleet
 *                         (Kubernetes' rule), 100 examines every host (Nova's behaviour)
 */
@ConfigurationProperties("scheduler")
public record SchedulerProperties(
        @DefaultValue({"ComputeFilter", "AvailabilityZoneFilter", "ImagePropertiesFilter", "ServerGroupAffinityFilter",
                "ServerGroupAntiAffinityFilter", "SameHostFilter", "DifferentHostFilter",
                "AggregateInstanceExtraSpecsFilter"}) List<String> filters,
        @DefaultValue({"RAMWeigher", "CPUWeigher", "DiskWeigher", "BuildFailureWeigher",
                "ServerGroupSoftAffinityWeigher", "ServerGroupSoftAntiAffinityWeigher"}) List<String> weighers,
        @DefaultValue Multipliers multipliers,
        @DefaultValue("60s") Duration hostDownAfter,
        @DefaultValue("2") int alternates,
        @DefaultValue("5") int claimAttempts,
        @DefaultValue("1000") int recordLimit,
        @DefaultValue("1s") Duration cacheRefresh,
        @DefaultValue("5s") Duration heartbeatFlush,
        @DefaultValue("7d") Duration decisionRetention,
        @DefaultValue("0") int scorePercentage) {

    /** Per-weigher multipliers (Nova's *_weight_multiplier); negative packs instead of spreading. */
    public record Multipliers(@DefaultValue("1.0") double ram, @DefaultValue("1.0") double cpu,
            @DefaultValue("1.0") double disk, @DefaultValue("1000000.0") double buildFailure,
            @DefaultValue("1.0") double softAffinity, @DefaultValue("1.0") double softAntiAffinity) {
    }
}
