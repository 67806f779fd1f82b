package io.kumo.compute.messaging;

import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.InstancePowerChanged;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.host.VolumeAttachmentDone;
import io.kumo.common.contract.scheduler.NoValidHost;
import io.kumo.common.contract.scheduler.ServerScheduled;
import io.kumo.common.messaging.InboundMessages;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.compute.application.ServerActions;
import io.kumo.compute.application.ServerBuilds;
import io.kumo.compute.application.ServerPowerSync;
import io.kumo.compute.application.VolumeAttachments;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * What moves builds and actions on: the scheduler's answers from {@code kumo.compute.events} (binding
 * {@code schedulerAnswers-in-0}) and the hosts' from {@code kumo.host.events} (binding
 * {@code hostOutcomes-in-0}), both shared by every compute-service instance (group {@code compute}).
 * Acknowledged after the transaction that applied them; redeliveries are recognised by message id.
 */
@Configuration(proxyBeanMethods = false)
class ComputeEventsBinding {

    private static final Logger log = LoggerFactory.getLogger(ComputeEventsBinding.class);

    @Bean
    Consumer<Message<byte[]>> schedulerAnswers(ServerBuilds builds, MessageCodec codec) {
        return message -> {
            String type = InboundMessages.type(message);
            String id = InboundMessages.id(message);
            if ("ServerScheduled".equals(type)) {
                builds.scheduled(id, codec.fromJson(message.getPayload(), ServerScheduled.class));
            } else if ("NoValidHost".equals(type)) {
                builds.noValidHost(id, codec.fromJson(message.getPayload(), NoValidHost.class));
            } else {
                log.debug("Ignoring {} on kumo.compute.events", type);
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> hostOutcomes(ServerBuilds builds, ServerActions actions, ServerPowerSync powerSync,
            VolumeAttachments attachments, MessageCodec codec) {
        return message -> {
            String type = InboundMessages.type(message);
            String id = InboundMessages.id(message);
            switch (type == null ? "" : type) {
                case "ServerSpawned" -> builds.spawned(id, codec.fromJson(message.getPayload(), ServerSpawned.class));
                case "BuildFailed" -> builds.buildFailed(id, codec.fromJson(message.getPayload(), BuildFailed.class));
                case "ServerActionDone" -> actions.done(id, codec.fromJson(message.getPayload(),
                        ServerActionDone.class));
                case "VolumeAttachmentDone" -> attachments.done(id, codec.fromJson(message.getPayload(),
                        VolumeAttachmentDone.class));
                case "InstancePowerChanged" -> powerSync.observed(id, codec.fromJson(message.getPayload(),
                        InstancePowerChanged.class));
                default -> log.debug("Ignoring {} on kumo.host.events", type);
            }
        };
    }
}
