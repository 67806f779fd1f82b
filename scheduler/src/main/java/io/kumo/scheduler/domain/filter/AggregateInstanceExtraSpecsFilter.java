package io.kumo.scheduler.domain.filter;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Flavor extra specs scoped {@code aggregate_instance_extra_specs:KEY=VALUE} must be matched by the
 * metadata of an aggregate the host is in (a comma-separated metadata value matches any of its items),
 * as Nova's filter of that name: "gold" flavors only on hosts of the "gold" aggregate.
 */
public final class AggregateInstanceExtraSpecsFilter implements HostFilter {

    static final String SCOPE = "aggregate_instance_extra_specs:";

    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return request.flavorExtraSpecs().keySet().stream().anyMatch(key -> key.startsWith(SCOPE));
    }

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        for (Map.Entry<String, String> spec : request.flavorExtraSpecs().entrySet()) {
            if (!spec.getKey().startsWith(SCOPE)) {
                continue;
            }
            String key = spec.getKey().substring(SCOPE.length());
            if (!valuesOnHost(host, key, context).contains(spec.getValue().trim())) {
                return "no aggregate with " + key + "=" + spec.getValue();
            }
        }
        return null;
    }

    private static Set<String> valuesOnHost(HostState host, String key, SchedulingContext context) {
        Set<String> values = new HashSet<>();
        for (String aggregate : host.provider().aggregates()) {
            String value = context.aggregateMetadata().apply(aggregate).get(key);
            if (value != null) {
                for (String item : value.split(",")) {
                    values.add(item.trim());
                }
            }
        }
        return values;
    }
}
