package io.kumo.agent.messaging;

import io.kumo.agent.application.ImageCacheInvalidation;
import io.kumo.common.contract.image.ImageDeleted;
import io.kumo.common.messaging.MessageCodec;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Images deleted in image-service, from {@code kumo.image.events} (binding {@code imageEvents-in-0}: a queue
 * per agent process, group {@code agent-<host>}, bound to {@code image.deleted}, for real drivers only): their
 * cached copies are dropped unless an instance uses them.
 */
@Configuration(proxyBeanMethods = false)
class ImageEventsBinding {

    @Bean
    Consumer<Message<byte[]>> imageEvents(ImageCacheInvalidation invalidation, MessageCodec codec) {
        return message -> {
            if ("ImageDeleted".equals(String.valueOf(message.getHeaders().get(MessageCodec.TYPE_HEADER)))) {
                invalidation.deleted(codec.fromJson(message.getPayload(), ImageDeleted.class).imageId());
            }
        };
    }
}
