package io.kumo.volume.messaging;

import io.kumo.common.contract.volume.StorageAnnounced;
import io.kumo.common.contract.volume.VolumeTaskDone;
import io.kumo.common.messaging.InboundMessages;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.volume.application.StoragePools;
import io.kumo.volume.application.VolumeTasks;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * What storage hosts say on {@code kumo.host.events} (binding {@code storageEvents-in-0}, routing keys
 * {@code storage.announced} and {@code volume.task-done}), shared by every volume-service instance (group
 * {@code volume}). Acknowledged after the transaction that applied it.
 */
@Configuration(proxyBeanMethods = false)
class StorageEventsBinding {

    private static final Logger log = LoggerFactory.getLogger(StorageEventsBinding.class);

    @Bean
    Consumer<Message<byte[]>> storageEvents(StoragePools pools, VolumeTasks tasks, MessageCodec codec) {
        return message -> {
            String type = InboundMessages.type(message);
            switch (type == null ? "" : type) {
                case "StorageAnnounced" -> pools.announced(codec.fromJson(message.getPayload(),
                        StorageAnnounced.class));
                case "VolumeTaskDone" -> tasks.done(InboundMessages.id(message), codec.fromJson(message.getPayload(),
                        VolumeTaskDone.class));
                default -> log.debug("Ignoring {} on kumo.host.events", type);
            }
        };
    }
}
