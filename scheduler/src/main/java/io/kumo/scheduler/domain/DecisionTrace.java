package io.kumo.scheduler.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each host was or was not chosen: grouped placement rejections, each filter's rejections with
 * the reason per host, and the best-weighted hosts with each weigher's share. Counts are exact; the
 * host lists are capped (a 10,000-host decision keeps the first {@code limit} names per group).
 */
public record DecisionTrace(int hostsConsidered, int hostsExamined, Map<String, Rejections> placement,
        List<FilterOutcome> filters, List<WeighedHost> weighed) {

    public record Rejections(int count, List<String> hosts) {
    }

    public record FilterOutcome(String filter, int passed, int rejected, List<HostRejection> hosts) {
    }

    public record HostRejection(String host, String reason) {
    }

    public record WeighedHost(String host, double weight, Map<String, Double> weights) {
    }

    /** One line for a fault message: how many hosts were lost where. */
    public String summary() {
        StringBuilder text = new StringBuilder().append(hostsConsidered).append(" host(s) considered");
        if (hostsExamined < hostsConsidered) {
            text.append(" (").append(hostsExamined).append(" examined: enough fitted)");
        }
        placement.forEach((reason, r) -> text.append("; ").append(reason).append(": ").append(r.count()));
        for (FilterOutcome f : filters) {
            if (f.rejected() > 0) {
                text.append("; ").append(f.filter()).append(" rejected ").append(f.rejected());
            }
        }
        return text.toString();
    }

    static final class Builder {

        private final int limit;
        private final int considered;
        private final Map<String, int[]> placementCounts = new LinkedHashMap<>();
        private final Map<String, List<String>> placementHosts = new LinkedHashMap<>();
        private final List<FilterRecorder> filters = new ArrayList<>();
        private int examined;

        Builder(int considered, int limit) {
            this.considered = considered;
            this.limit = limit;
        }

        void placement(String reason, String host) {
            placementCounts.computeIfAbsent(reason, r -> new int[1])[0]++;
            List<String> hosts = placementHosts.computeIfAbsent(reason, r -> new ArrayList<>());
            if (hosts.size() < limit) {
                hosts.add(host);
            }
        }

        FilterRecorder filter(String name) {
            FilterRecorder recorder = new FilterRecorder(name);
            filters.add(recorder);
            return recorder;
        }

        void examined(int count) {
            examined = count;
        }

        DecisionTrace build(List<WeighedHost> weighed) {
            Map<String, Rejections> placement = new LinkedHashMap<>();
            placementCounts.forEach((reason, count) -> placement.put(reason,
                    new Rejections(count[0], List.copyOf(placementHosts.get(reason)))));
            List<FilterOutcome> outcomes = filters.stream().map(FilterRecorder::outcome).toList();
            return new DecisionTrace(considered, examined, placement, outcomes, List.copyOf(weighed));
        }

        final class FilterRecorder {

            private final String name;
            private final List<HostRejection> hosts = new ArrayList<>();
            private int rejected;
            private int passed;

            FilterRecorder(String name) {
                this.name = name;
            }

            void reject(String host, String reason) {
                rejected++;
                if (hosts.size() < limit) {
                    hosts.add(new HostRejection(host, reason));
                }
            }

            void pass() {
                passed++;
            }

            FilterOutcome outcome() {
                return new FilterOutcome(name, passed, rejected, List.copyOf(hosts));
            }
        }
    }
}
