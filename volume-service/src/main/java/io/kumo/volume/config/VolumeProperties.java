package io.kumo.volume.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * volume-service's settings, under {@code volume.*}.
 *
 * @param taskTimeout              a create, extend or delete its storage host has not finished by then fails
 *                                 (the volume goes to error, error_extending or error_deleting)
 * @param poolDownAfter            a pool not announced for this long gets no new volumes
 * @param defaultType              the volume type of volumes whose request names none; made on first start
 * @param maxOverSubscriptionRatio how far the volumes placed on a pool may exceed its capacity (Cinder's option of
 *                                 the same name: volumes are thin)
 * @param imageUrl                 image-service, where images named by {@code imageRef} are checked
 * @param clientTimeout            deadline of a call to another service
 * @param copyTimePerGb            what a create that copies (from an image, a snapshot or a volume) gets on top of
 *                                 {@code taskTimeout} per GiB of the volume (15 s: 1 TiB in about 4 h, the agent's
 *                                 {@code agent.volume.copy-timeout})
 */
@Validated
@ConfigurationProperties("volume")
public record VolumeProperties(
        @DefaultValue("10m") Duration taskTimeout,
        @DefaultValue("90s") Duration poolDownAfter,
        @DefaultValue("__DEFAULT__") @NotBlank String defaultType,
        @DefaultValue("20.0") @Positive double maxOverSubscriptionRatio,
        @DefaultValue("http://127.0.0.1:9292") String imageUrl,
        @DefaultValue("10s") Duration clientTimeout,
        @DefaultValue("15s") Duration copyTimePerGb) {
}
