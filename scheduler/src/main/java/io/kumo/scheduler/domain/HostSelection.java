package io.kumo.scheduler.domain;

import io.kumo.scheduler.domain.filter.HostFilter;
import io.kumo.scheduler.domain.weigher.WeigherSetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Nova's host selection over in-memory host state: hosts that can hold the resources and have the
 * traits (placement's candidates), then each enabled filter in order, then the weighers; returns the
 * best {@code keep} hosts, best first, and a trace of why. Equal weights are broken at random so that
 * concurrent decisions (and several schedulers) do not all reach for the same host.
 */
public final class HostSelection {

    private final List<HostFilter> filters;
    private final List<WeigherSetting> weighers;
    private final int recordLimit;

    public HostSelection(List<HostFilter> filters, List<WeigherSetting> weighers, int recordLimit) {
        this.filters = List.copyOf(filters);
        this.weighers = List.copyOf(weighers);
        this.recordLimit = recordLimit;
    }

    public record RankedHost(HostState host, double weight) {
    }

    public record Selection(List<RankedHost> ranked, DecisionTrace trace) {
    }

    /**
     * How many fitting hosts are enough in a fleet of {@code hosts}: {@code percentage} of it, or with 0
     * Kubernetes' adaptive rule (half of a small fleet, 5 % from 5,625 hosts, never fewer than 100).
     */
    public static int enoughFor(int hosts, int percentage) {
        int share = percentage > 0 ? percentage : Math.max(5, 50 - hosts / 125);
        return share >= 100 ? hosts : Math.max(100, (int) ((long) hosts * share / 100));
    }

    /** Every host examined: what tests and small fleets want. */
    public Selection select(Collection<HostState> hosts, SchedulingRequest request, SchedulingContext context,
            int keep) {
        return select(List.copyOf(hosts), request, context, keep, 0, Integer.MAX_VALUE);
    }

    /**
     * Examines hosts from {@code start} on (wrapping around) until {@code enough} have passed every
     * filter or all were examined, then weighs those, as Kubernetes' scheduler scores a share of a large
     * cluster: a rotating start spreads the work, and a request no host fits is always a full scan.
     */
    public Selection select(List<HostState> hosts, SchedulingRequest request, SchedulingContext context, int keep,
            int start, int enough) {
        DecisionTrace.Builder trace = new DecisionTrace.Builder(hosts.size(), recordLimit);
        List<HostFilter> applicable = new ArrayList<>();
        List<DecisionTrace.Builder.FilterRecorder> recorders = new ArrayList<>();
        for (HostFilter filter : filters) {
            recorders.add(trace.filter(filter.name()));
            applicable.add(filter.appliesTo(request) ? filter : null);
        }
        List<HostState> feasible = new ArrayList<>(Math.min(hosts.size(), enough));
        int n = hosts.size();
        int examined = 0;
        for (; examined < n && feasible.size() < enough; examined++) {
            HostState host = hosts.get((int) ((start + (long) examined) % n));
            if (host != null && passes(host, request, context, applicable, recorders, trace)) {
                feasible.add(host);
            }
        }
        trace.examined(examined);
        return weigh(feasible, request, keep, trace);
    }

    private static boolean passes(HostState host, SchedulingRequest request, SchedulingContext context,
            List<HostFilter> applicable, List<DecisionTrace.Builder.FilterRecorder> recorders,
            DecisionTrace.Builder trace) {
        if (request.ignoreHosts().contains(host.host())) {
            trace.placement("already tried for this server", host.host());
            return false;
        }
        String unfit = host.provider().unfit(request.resources());
        if (unfit != null) {
            trace.placement(unfit, host.host());
            return false;
        }
        for (int f = 0; f < applicable.size(); f++) {
            HostFilter filter = applicable.get(f);
            if (filter != null) {
                String reason = filter.reject(host, request, context);
                if (reason != null) {
                    recorders.get(f).reject(host.host(), reason);
                    return false;
                }
            }
            recorders.get(f).pass();
        }
        return true;
    }

    private Selection weigh(List<HostState> hosts, SchedulingRequest request, int keep, DecisionTrace.Builder trace) {
        int n = hosts.size();
        double[][] shares = new double[weighers.size()][];
        double[] total = new double[n];
        for (int w = 0; w < weighers.size(); w++) {
            shares[w] = normalised(hosts, request, weighers.get(w));
            for (int i = 0; i < n; i++) {
                total[i] += shares[w][i];
            }
        }
        int[] order = best(total, keep);
        List<RankedHost> ranked = new ArrayList<>(order.length);
        List<DecisionTrace.WeighedHost> weighed = new ArrayList<>(order.length);
        for (int i : order) {
            ranked.add(new RankedHost(hosts.get(i), total[i]));
            Map<String, Double> parts = new LinkedHashMap<>();
            for (int w = 0; w < weighers.size(); w++) {
                parts.put(weighers.get(w).weigher().name(), shares[w][i]);
            }
            weighed.add(new DecisionTrace.WeighedHost(hosts.get(i).host(), total[i], parts));
        }
        return new Selection(ranked, trace.build(weighed));
    }

    /**
     * The indexes of the {@code keep} highest totals, best first, in one pass (keep is small: the claim
     * attempts plus alternates). Equal totals are ordered by a random key per decision.
     */
    private static int[] best(double[] total, int keep) {
        int size = Math.min(keep, total.length);
        int[] top = new int[size];
        long[] topTie = new long[size];
        int filled = 0;
        long seed = ThreadLocalRandom.current().nextLong();
        for (int i = 0; i < total.length; i++) {
            long tie = mix(seed + i);
            if (filled == size && !better(total[i], tie, total[top[size - 1]], topTie[size - 1])) {
                continue;
            }
            int at = filled < size ? filled++ : size - 1;
            while (at > 0 && better(total[i], tie, total[top[at - 1]], topTie[at - 1])) {
                top[at] = top[at - 1];
                topTie[at] = topTie[at - 1];
                at--;
            }
            top[at] = i;
            topTie[at] = tie;
        }
        return top;
    }

    private static boolean better(double weight, long tie, double otherWeight, long otherTie) {
        return weight > otherWeight || (weight == otherWeight && tie > otherTie);
    }

    /** SplitMix64's finaliser: a cheap, well-spread random key from a counter. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Nova's normalisation: (raw − min) / (max − min) × multiplier; all equal → all 0. */
    private static double[] normalised(List<HostState> hosts, SchedulingRequest request, WeigherSetting setting) {
        int n = hosts.size();
        double[] values = new double[n];
        if (!setting.weigher().appliesTo(request)) {
            return values;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            values[i] = setting.weigher().raw(hosts.get(i), request);
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double range = max - min;
        for (int i = 0; i < n; i++) {
            values[i] = range == 0 ? 0 : (values[i] - min) / range * setting.multiplier();
        }
        return values;
    }
}
