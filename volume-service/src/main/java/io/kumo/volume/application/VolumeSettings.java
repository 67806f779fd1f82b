package io.kumo.volume.application;

import java.time.Duration;

/** What the application layer needs of volume-service's settings. */
public record VolumeSettings(Duration taskTimeout, Duration poolDownAfter, String defaultType,
        double maxOverSubscriptionRatio) {
}
