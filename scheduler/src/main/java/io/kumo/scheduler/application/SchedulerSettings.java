package io.kumo.scheduler.application;

import java.time.Duration;

/**
 * What the scheduling use case needs of the configuration.
 *
 * @param instanceName    this scheduler process (pid@host), named in its decisions
 * @param scorePercentage share of the fleet examined per decision once enough hosts fit; 0 = adaptive
 */
public record SchedulerSettings(Duration hostDownAfter, int alternates, int claimAttempts, Duration decisionRetention,
        String instanceName, int scorePercentage) {
}
