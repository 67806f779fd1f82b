package io.kumo.compute.domain;

import java.util.Map;

/**
 * A flavor: the size of a server. {@code id} is Nova's flavorid (any string, a UUID when the creator
 * gives none). Extra specs carry scheduling and driver hints ({@code hw:*}, {@code kumo:pids_limit},
 * {@code aggregate_instance_extra_specs:*}).
 */
public record Flavor(String id, String name, int vcpus, int ramMb, int rootGb, int ephemeralGb, int swapMb,
        double rxtxFactor, boolean isPublic, boolean disabled, Map<String, String> extraSpecs) {

    public Flavor {
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }

    public Flavor withExtraSpecs(Map<String, String> specs) {
        return new Flavor(id, name, vcpus, ramMb, rootGb, ephemeralGb, swapMb, rxtxFactor, isPublic, disabled, specs);
    }
}
