package io.kumo.scheduler.config;

import io.kumo.common.error.ErrorResponseWriter;
import io.kumo.common.web.Microversion;
import io.kumo.common.web.MicroversionFilter;
import io.kumo.common.web.MicroversionNegotiator;
import io.kumo.scheduler.application.HostStateCache;
import io.kumo.scheduler.application.Hosts;
import io.kumo.scheduler.application.SchedulerLoops;
import io.kumo.scheduler.application.SchedulerSettings;
import io.kumo.scheduler.domain.HostSelection;
import io.kumo.scheduler.domain.filter.AggregateInstanceExtraSpecsFilter;
import io.kumo.scheduler.domain.filter.AvailabilityZoneFilter;
import io.kumo.scheduler.domain.filter.ComputeFilter;
import io.kumo.scheduler.domain.filter.DifferentHostFilter;
import io.kumo.scheduler.domain.filter.HostFilter;
import io.kumo.scheduler.domain.filter.ImagePropertiesFilter;
import io.kumo.scheduler.domain.filter.SameHostFilter;
import io.kumo.scheduler.domain.filter.ServerGroupAffinityFilter;
import io.kumo.scheduler.domain.filter.ServerGroupAntiAffinityFilter;
import io.kumo.scheduler.domain.weigher.BuildFailureWeigher;
import io.kumo.scheduler.domain.weigher.CPUWeigher;
import io.kumo.scheduler.domain.weigher.DiskWeigher;
import io.kumo.scheduler.domain.weigher.HostWeigher;
import io.kumo.scheduler.domain.weigher.RAMWeigher;
import io.kumo.scheduler.domain.weigher.ServerGroupSoftAffinityWeigher;
import io.kumo.scheduler.domain.weigher.ServerGroupSoftAntiAffinityWeigher;
import io.kumo.scheduler.domain.weigher.WeigherSetting;
import io.kumo.scheduler.persistence.DecisionRecords;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(SchedulerProperties.class)
class SchedulerConfiguration {

    /** Placement's microversions: 1.0 to 1.36 (consumer types, 1.38, are not offered). */
    static final Microversion MIN = new Microversion(1, 0);
    static final Microversion MAX = new Microversion(1, 36);

    private static final Map<String, Supplier<HostFilter>> FILTERS = new LinkedHashMap<>();

    static {
        FILTERS.put("ComputeFilter", ComputeFilter::new);
        FILTERS.put("AvailabilityZoneFilter", AvailabilityZoneFilter::new);
        FILTERS.put("ImagePropertiesFilter", ImagePropertiesFilter::new);
        FILTERS.put("ServerGroupAffinityFilter", ServerGroupAffinityFilter::new);
        FILTERS.put("ServerGroupAntiAffinityFilter", ServerGroupAntiAffinityFilter::new);
        FILTERS.put("SameHostFilter", SameHostFilter::new);
        FILTERS.put("DifferentHostFilter", DifferentHostFilter::new);
        FILTERS.put("AggregateInstanceExtraSpecsFilter", AggregateInstanceExtraSpecsFilter::new);
    }

    @Bean
    SchedulerSettings schedulerSettings(SchedulerProperties properties) {
        return new SchedulerSettings(properties.hostDownAfter(), properties.alternates(), properties.claimAttempts(),
                properties.decisionRetention(), ManagementFactory.getRuntimeMXBean().getName(),
                properties.scorePercentage());
    }

    /** The configured filters and weighers; an unknown name fails start-up, as in Nova. */
    @Bean
    HostSelection hostSelection(SchedulerProperties properties) {
        List<HostFilter> filters = new ArrayList<>();
        for (String name : properties.filters()) {
            Supplier<HostFilter> filter = FILTERS.get(name.trim());
            if (filter == null) {
                throw new IllegalStateException("Unknown scheduler filter '" + name + "' in scheduler.filters; known: "
                        + String.join(", ", FILTERS.keySet()));
            }
            filters.add(filter.get());
        }
        SchedulerProperties.Multipliers m = properties.multipliers();
        Map<String, WeigherSetting> known = new LinkedHashMap<>();
        known.put("RAMWeigher", setting(new RAMWeigher(), m.ram()));
        known.put("CPUWeigher", setting(new CPUWeigher(), m.cpu()));
        known.put("DiskWeigher", setting(new DiskWeigher(), m.disk()));
        known.put("BuildFailureWeigher", setting(new BuildFailureWeigher(), -m.buildFailure()));
        known.put("ServerGroupSoftAffinityWeigher", setting(new ServerGroupSoftAffinityWeigher(), m.softAffinity()));
        known.put("ServerGroupSoftAntiAffinityWeigher",
                setting(new ServerGroupSoftAntiAffinityWeigher(), m.softAntiAffinity()));
        List<WeigherSetting> weighers = new ArrayList<>();
        for (String name : properties.weighers()) {
            WeigherSetting weigher = known.get(name.trim());
            if (weigher == null) {
                throw new IllegalStateException("Unknown scheduler weigher '" + name + "' in scheduler.weighers;"
                        + " known: " + String.join(", ", known.keySet()));
            }
            weighers.add(weigher);
        }
        return new HostSelection(filters, weighers, properties.recordLimit());
    }

    private static WeigherSetting setting(HostWeigher weigher, double multiplier) {
        return new WeigherSetting(weigher, multiplier);
    }

    @Bean
    SchedulerLoops.CacheRefresher hostCacheRefresher(HostStateCache cache, SchedulerProperties properties) {
        return new SchedulerLoops.CacheRefresher(cache, properties.cacheRefresh());
    }

    @Bean
    SchedulerLoops.HeartbeatWriter heartbeatWriter(Hosts hosts, SchedulerProperties properties) {
        return new SchedulerLoops.HeartbeatWriter(hosts, properties.heartbeatFlush());
    }

    @Bean
    SchedulerLoops.DecisionReaper decisionReaper(DecisionRecords records, TransactionTemplate transactions,
            SchedulerProperties properties, Clock clock) {
        return new SchedulerLoops.DecisionReaper(records, transactions, properties.decisionRetention(), clock);
    }

    /**
     * {@code OpenStack-API-Version: placement 1.x} on every placement call (Placement has no version
     * prefix in its paths); the version document and the Kumo extensions are unversioned.
     */
    @Bean
    FilterRegistrationBean<MicroversionFilter> placementMicroversions(ErrorResponseWriter errors) {
        MicroversionFilter filter = new MicroversionFilter(new MicroversionNegotiator("placement", null, MIN, MAX),
                "/", errors) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return path.equals("/") || path.startsWith("/actuator") || path.startsWith("/hosts")
                        || path.startsWith("/scheduling-decisions") || path.startsWith("/aggregates");
            }
        };
        FilterRegistrationBean<MicroversionFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
