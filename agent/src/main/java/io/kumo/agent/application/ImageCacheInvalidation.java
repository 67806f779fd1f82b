package io.kumo.agent.application;

import io.kumo.agent.domain.ServedHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An image deleted in image-service leaves the image caches of the hosts this process serves. */
public final class ImageCacheInvalidation {

    private static final Logger log = LoggerFactory.getLogger(ImageCacheInvalidation.class);

    private final ServedHosts hosts;

    public ImageCacheInvalidation(ServedHosts hosts) {
        this.hosts = hosts;
    }

    public void deleted(String imageId) {
        for (ServedHost host : hosts.all()) {
            try {
                host.driver().forgetImage(imageId);
            } catch (RuntimeException e) {
                log.warn("Host {} could not drop image {} from its cache: {}", host.name(), imageId, e.getMessage());
            }
        }
    }
}
