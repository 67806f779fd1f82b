package io.kumo.image.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * image-service's own settings, under {@code image.*}.
 *
 * @param store         id of the store holding image data ({@code file})
 * @param fileStoreDir  the file store's directory (Glance's {@code filesystem_store_datadir}); its default,
 *                      under the state directory, is in application.yaml because a {@code @DefaultValue} is
 *                      taken literally, placeholders and all
 * @param stalledUpload an upload without progress for this long is abandoned: its image goes back to queued
 */
@ConfigurationProperties("image")
public record ImageProperties(
        @DefaultValue("file") String store,
        String fileStoreDir,
        @DefaultValue("5m") Duration stalledUpload) {
}
