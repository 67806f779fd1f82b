package io.kumo.volume.application;

import java.time.Duration;

/** What the application layer needs of volume-service's settings. */
public record VolumeSettings(Duration taskTimeout, Duration poolDownAfter, String defaultType,
        double maxOverSubscriptionRatio, Duration copyTimePerGb) {

    /** How long a create may take on its host: a copy of {@code sizeGb} GiB gets time for its bytes too. */
    public Duration createTimeout(int sizeGb, boolean copies) {
        return copies ? taskTimeout.plus(copyTimePerGb.multipliedBy(sizeGb)) : taskTimeout;
    }
}
