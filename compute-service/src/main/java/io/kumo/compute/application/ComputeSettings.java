package io.kumo.compute.application;

import java.time.Duration;
import java.util.Map;

/**
 * compute-service's workflow settings.
 *
 * @param buildTimeout a build not ACTIVE by then goes to ERROR and releases what it held
 * @param maxAttempts  hosts tried per build (the first and reschedules)
 * @param vendorData   {@code vendor_data.json} for every server (accounts, ntp, resolv, sudoers, ...)
 */
public record ComputeSettings(Duration buildTimeout, int maxAttempts, Map<String, Object> vendorData) {
}
