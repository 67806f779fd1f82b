package io.kumo.image.config;

import io.kumo.image.application.StalledUploadReaper;
import io.kumo.image.domain.ImageStore;
import io.kumo.image.persistence.ImageRepository;
import io.kumo.image.store.FileImageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
@EnableConfigurationProperties(ImageProperties.class)
class ImageConfiguration {

    /** Stores by id; an unknown id fails start-up rather than the first upload. */
    @Bean
    ImageStore imageStore(ImageProperties properties) {
        Map<String, Supplier<ImageStore>> stores = Map.of("file", () -> fileStore(properties.fileStoreDir()));
        Supplier<ImageStore> store = stores.get(properties.store());
        if (store == null) {
            throw new IllegalStateException("Unknown image store '" + properties.store() + "'; known: " + stores.keySet());
        }
        return store.get();
    }


    @Bean
    StalledUploadReaper stalledUploadReaper(ImageRepository images, ImageStore store,
            PlatformTransactionManager transactions, Clock clock, ImageProperties properties) {
        return new StalledUploadReaper(images, store, transactions, clock, properties.stalledUpload(),
                properties.stalledUpload().dividedBy(5));
    }

    private static ImageStore fileStore(String directory) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalStateException("image.file-store-dir is not set: the file store needs a directory");
        }
        try {
            return new FileImageStore(Path.of(directory));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use " + directory + " for image data: " + e.getMessage(), e);
        }
    }
}
