package io.kumo.compute.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * compute-service's own settings, under {@code compute.*}.
 *
 * @param schedulerUrl   the scheduler's API (placement and /hosts)
 * @param clientTimeout  deadline of each call to another service
 * @param defaultFlavors flavors created on first start, {@code name:vcpus:ram_mb:disk_gb}
 */
@ConfigurationProperties("compute")
public record ComputeProperties(@DefaultValue("http://127.0.0.1:8778") String schedulerUrl,
        @DefaultValue("5s") Duration clientTimeout, @DefaultValue({}) List<String> defaultFlavors) {
}
