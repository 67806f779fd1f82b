package io.kumo.agent.config;

import io.kumo.agent.api.InstanceMetrics;
import io.kumo.agent.application.CommandDispatcher;
import io.kumo.agent.application.HostReconcileLoop;
import io.kumo.agent.application.HostRegistration;
import io.kumo.agent.application.ImageCacheInvalidation;
import io.kumo.agent.application.OrphanReconciler;
import io.kumo.agent.application.PortFilterRefresh;
import io.kumo.agent.application.PowerStateSync;
import io.kumo.agent.application.RegistrationLoop;
import io.kumo.agent.application.ServedHosts;
import io.kumo.agent.application.StorageAnnouncementLoop;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.HostReplies;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.HypervisorDriverFactory;
import io.kumo.agent.driver.ImageServiceSource;
import io.kumo.agent.handler.BuildServerHandler;
import io.kumo.agent.handler.ConsoleOutputHandler;
import io.kumo.agent.handler.DeleteServerHandler;
import io.kumo.agent.handler.DiagnosticsHandler;
import io.kumo.agent.handler.MisaddressedCommandHandler;
import io.kumo.agent.handler.RebootServerHandler;
import io.kumo.agent.handler.RebuildServerHandler;
import io.kumo.agent.handler.StartServerHandler;
import io.kumo.agent.handler.StopServerHandler;
import io.kumo.agent.handler.VolumeAttachmentHandler;
import io.kumo.agent.handler.VolumeCommandHandler;
import io.kumo.agent.messaging.HostEventPublisher;
import io.kumo.agent.messaging.HostReplyPublisher;
import io.kumo.agent.network.NetworkServiceSecurityGroups;
import io.kumo.agent.network.SecurityGroupSource;
import io.kumo.agent.volume.StorageHost;
import io.kumo.agent.volume.VolumeImages;
import io.kumo.agent.volume.VolumeTasks;
import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.messaging.MessageCodec;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the agent: its hosts and their drivers, the command handlers, host registration, event publishing. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
class AgentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgentConfiguration.class);

    @Bean
    ServedHosts servedHosts(AgentProperties properties, ObjectProvider<ServiceTokenProvider> tokens) {
        Supplier<ServiceTokenProvider> serviceUser = serviceUser(tokens);
        HypervisorDriverFactory drivers = DriverFactories.select(properties, new DriverFactories.Services(
                () -> new ImageServiceSource(properties.imageUrl(), serviceUser.get()),
                () -> properties.securityGroups()
                        ? new NetworkServiceSecurityGroups(new ResilientRestClient("network", properties.networkUrl(),
                                Duration.ofSeconds(10), serviceUser.get()))
                        : SecurityGroupSource.NONE));
        List<ServedHost> hosts = properties.servedHostNames().stream()
                .map(name -> ServedHost.of(name, properties.availabilityZone(), properties.hostIp(), drivers.create(name)))
                .toList();
        log.info("Serving {} host(s) with the {} driver: {}", hosts.size(), drivers.name(), abbreviated(hosts));
        return new ServedHosts(hosts);
    }

    /** The agent's service user, asked for only by what needs it (real drivers, volumes from images). */
    private static Supplier<ServiceTokenProvider> serviceUser(ObjectProvider<ServiceTokenProvider> tokens) {
        return () -> tokens.getIfAvailable(() -> {
            throw new IllegalStateException("real drivers and volumes from images read images (and security groups)"
                    + " with the agent's service user: set kumo.identity.url, kumo.identity.service-user and"
                    + " kumo.identity.service-password");
        });
    }

    /** The storage role: agent.host with the backends of agent.volume.backends (none: no storage host). */
    @Bean
    StorageHost storageHost(AgentProperties properties) {
        StorageHost storage = VolumeBackendFactories.storageHost(properties);
        if (storage.isStorageHost()) {
            log.info("Storage host {} with volume backends {}", storage.name(), storage.backendNames());
        }
        return storage;
    }

    /** Volume tasks on the storage host's backends; images are read with the service user when first needed. */
    @Bean
    VolumeCommandHandler volumeCommandHandler(StorageHost storage, HostEvents events, Clock clock,
            AgentProperties properties, ObjectProvider<ServiceTokenProvider> tokens) {
        Supplier<ServiceTokenProvider> serviceUser = serviceUser(tokens);
        VolumeImages images = new VolumeImages(() -> new ImageServiceSource(properties.imageUrl(), serviceUser.get()),
                Path.of(properties.volume().imageCacheDir()), properties.imageCacheMaxGb() * (1L << 30), clock);
        return new VolumeCommandHandler(storage, new VolumeTasks(images), events, clock);
    }

    @Bean
    StorageAnnouncementLoop storageAnnouncementLoop(StorageHost storage, HostEvents events, Clock clock,
            AgentProperties properties) {
        return new StorageAnnouncementLoop(storage, events, clock, properties.volume().announceInterval());
    }

    private static String abbreviated(List<ServedHost> hosts) {
        List<String> names = hosts.stream().map(ServedHost::name).toList();
        return names.size() <= 5 ? String.join(", ", names)
                : names.get(0) + " … " + names.get(names.size() - 1);
    }

    /**
     * Its own template on the connection factory's publisher connection: a broker blocking publishers
     * (a memory alarm) must not also stall the consumers' acknowledgements.
     */
    @Bean
    HostEventPublisher hostEventPublisher(ConnectionFactory connections, MessageCodec codec,
            AgentProperties properties) {
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.setUsePublisherConnection(true);
        AgentProperties.Publish publish = properties.publish();
        return new HostEventPublisher(rabbit, codec, publish.confirmTimeout(), publish.initialBackoff(),
                publish.maxBackoff());
    }

    @Bean
    HostReplyPublisher hostReplyPublisher(ConnectionFactory connections, MessageCodec codec) {
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.setUsePublisherConnection(true);
        return new HostReplyPublisher(rabbit, codec);
    }

    @Bean
    CommandDispatcher commandDispatcher(ServedHosts hosts, MessageCodec codec, HostEvents events,
            HostReplies replies, Clock clock, VolumeCommandHandler volume) {
        return new CommandDispatcher(hosts, codec, handlers(events, clock, volume), replies, clock);
    }

    static CommandDispatcher.Handlers handlers(HostEvents events, Clock clock, VolumeCommandHandler volume) {
        return new CommandDispatcher.Handlers(new BuildServerHandler(events, clock),
                List.of(new StartServerHandler(events, clock), new StopServerHandler(events, clock),
                        new RebootServerHandler(events, clock), new DeleteServerHandler(events, clock)),
                new RebuildServerHandler(events, clock), new ConsoleOutputHandler(), new DiagnosticsHandler(),
                new MisaddressedCommandHandler(events, clock), volume, new VolumeAttachmentHandler(events, clock));
    }

    /** Per-instance metrics next to the agent's own on /actuator/prometheus. */
    @Bean
    InstanceMetrics instanceMetrics(ServedHosts hosts, ObjectProvider<PrometheusRegistry> registry) {
        InstanceMetrics metrics = new InstanceMetrics(hosts);
        registry.ifAvailable(r -> r.register(metrics));
        return metrics;
    }

    @Bean
    HostReconcileLoop hostReconcileLoop(ServedHosts hosts, HostEvents events, Clock clock,
            AgentProperties properties) {
        return new HostReconcileLoop(new PowerStateSync(hosts, events, clock),
                new OrphanReconciler(hosts, properties.removeOrphans()), properties.powerSyncInterval());
    }

    @Bean
    ImageCacheInvalidation imageCacheInvalidation(ServedHosts hosts) {
        return new ImageCacheInvalidation(hosts);
    }

    @Bean
    PortFilterRefresh portFilterRefresh(ServedHosts hosts) {
        return new PortFilterRefresh(hosts);
    }

    @Bean
    RegistrationLoop registrationLoop(ServedHosts hosts, HostEvents events, Clock clock, AgentProperties properties) {
        return new RegistrationLoop(new HostRegistration(hosts, events, clock), clock, properties.announceInterval(),
                properties.heartbeatInterval());
    }
}
