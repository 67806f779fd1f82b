package io.kumo.compute.config;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.error.ErrorResponseWriter;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.persistence.ProjectQuotaLocks;
import io.kumo.common.web.Microversion;
import io.kumo.common.web.MicroversionFilter;
import io.kumo.common.web.MicroversionNegotiator;
import io.kumo.compute.application.AttachmentWatchdog;
import io.kumo.compute.application.BuildWatchdog;
import io.kumo.compute.application.ComputeSettings;
import io.kumo.compute.application.FlavorSeeder;
import io.kumo.compute.application.ServerActions;
import io.kumo.compute.application.ServerBuilds;
import io.kumo.compute.application.VolumeAttachments;
import io.kumo.compute.client.HostRequests;
import io.kumo.compute.client.ImageService;
import io.kumo.compute.client.NetworkService;
import io.kumo.compute.client.PlacementAllocations;
import io.kumo.compute.client.SchedulerHosts;
import io.kumo.compute.client.VolumeService;
import io.kumo.compute.persistence.FlavorRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(ComputeProperties.class)
class ComputeConfiguration {

    private static final Microversion ONLY = new Microversion(2, 1);

    /**
     * {@code OpenStack-API-Version: compute 2.1} (and the legacy {@code X-OpenStack-Nova-API-Version}) on
     * every /v2.1 call: absent means 2.1, {@code latest} 2.1, anything newer 406 until it is implemented.
     */
    @Bean
    FilterRegistrationBean<MicroversionFilter> computeMicroversions(ErrorResponseWriter errors) {
        MicroversionFilter filter = new MicroversionFilter(new MicroversionNegotiator("compute",
                "X-OpenStack-Nova-API-Version", ONLY, ONLY), "/v2.1/", errors);
        FilterRegistrationBean<MicroversionFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    SchedulerHosts schedulerHosts(ComputeProperties properties, ObjectProvider<ServiceTokenProvider> tokens) {
        return new SchedulerHosts(new ResilientRestClient("scheduler", properties.schedulerUrl(),
                properties.clientTimeout(), tokens.getIfAvailable()));
    }

    @Bean
    ImageService imageService(ComputeProperties properties, ObjectProvider<ServiceTokenProvider> tokens) {
        return new ImageService(new ResilientRestClient("image", properties.imageUrl(), properties.clientTimeout(),
                tokens.getIfAvailable()));
    }

    @Bean
    NetworkService networkService(ComputeProperties properties, ObjectProvider<ServiceTokenProvider> tokens) {
        return new NetworkService(new ResilientRestClient("network", properties.networkUrl(),
                properties.clientTimeout(), tokens.getIfAvailable()));
    }

    @Bean
    VolumeService volumeService(ComputeProperties properties, ObjectProvider<ServiceTokenProvider> tokens) {
        return new VolumeService(new ResilientRestClient("volume", properties.volumeUrl(),
                properties.clientTimeout(), tokens.getIfAvailable()));
    }

    @Bean
    PlacementAllocations placementAllocations(ComputeProperties properties,
            ObjectProvider<ServiceTokenProvider> tokens) {
        return new PlacementAllocations(new ResilientRestClient("placement", properties.schedulerUrl(),
                properties.clientTimeout(), tokens.getIfAvailable()));
    }

    /** Its own template: the reply timeout and reply listener must not change the outbox relay's. */
    @Bean
    HostRequests hostRequests(ConnectionFactory connections, MessageCodec codec, ComputeProperties properties,
            Clock clock) {
        return new HostRequests(new RabbitTemplate(connections), codec, properties.hostReplyTimeout(), clock);
    }

    @Bean
    ProjectQuotaLocks projectQuotaLocks(NamedParameterJdbcTemplate jdbc) {
        return new ProjectQuotaLocks(jdbc);
    }

    @Bean
    ComputeSettings computeSettings(ComputeProperties properties) {
        return new ComputeSettings(properties.buildTimeout(), properties.maxAttempts(),
                properties.vendorData() == null ? Map.of() : properties.vendorData());
    }

    @Bean
    BuildWatchdog buildWatchdog(ServerBuilds builds, ServerActions actions) {
        return new BuildWatchdog(builds, actions, Duration.ofSeconds(5));
    }

    @Bean
    AttachmentWatchdog attachmentWatchdog(VolumeAttachments attachments) {
        return new AttachmentWatchdog(attachments, Duration.ofSeconds(30));
    }

    @Bean
    FlavorSeeder flavorSeeder(FlavorRecords records, TransactionTemplate transactions, Clock clock,
            ComputeProperties properties) {
        return new FlavorSeeder(records, transactions, clock, properties.defaultFlavors());
    }
}
