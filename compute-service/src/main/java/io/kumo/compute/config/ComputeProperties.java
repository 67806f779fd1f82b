package io.kumo.compute.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * compute-service's own settings, under {@code compute.*}.
 *
 * @param schedulerUrl   the scheduler's API (placement and /hosts)
 * @param imageUrl       image-service (Glance v2)
 * @param networkUrl     network-service (Neutron v2.0)
 * @param volumeUrl      volume-service (Cinder v3)
 * @param clientTimeout  deadline of each call to another service
 * @param defaultFlavors flavors created on first start, {@code name:vcpus:ram_mb:disk_gb}
 * @param buildTimeout   a build not ACTIVE by then goes to ERROR and releases what it held
 * @param maxAttempts    hosts tried per build
 * @param vendorData     the config drive's vendor_data.json for every server
 * @param hostReplyTimeout how long a host has to answer a request (console output, diagnostics)
 */
@ConfigurationProperties("compute")
public record ComputeProperties(@DefaultValue("http://127.0.0.1:8778") String schedulerUrl,
        @DefaultValue("http://127.0.0.1:9292") String imageUrl, @DefaultValue("http://127.0.0.1:9696") String networkUrl,
        @DefaultValue("5s") Duration clientTimeout, @DefaultValue({}) List<String> defaultFlavors,
        @DefaultValue("5m") Duration buildTimeout, @DefaultValue("3") int maxAttempts, Map<String, Object> vendorData,
        @DefaultValue("10s") Duration hostReplyTimeout, @DefaultValue("http://127.0.0.1:8776") String volumeUrl) {
}
