package io.kumo.volume.config;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.error.ErrorResponseWriter;
import io.kumo.common.persistence.ProjectQuotaLocks;
import io.kumo.common.web.Microversion;
import io.kumo.common.web.MicroversionFilter;
import io.kumo.common.web.MicroversionNegotiator;
import io.kumo.volume.application.VolumeSettings;
import io.kumo.volume.application.VolumeTasks;
import io.kumo.volume.application.VolumeTypes;
import io.kumo.volume.application.VolumeWatchdog;
import io.kumo.volume.client.ImageService;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

@Configuration
@EnableConfigurationProperties(VolumeProperties.class)
class VolumeConfiguration {

    /** Cinder 3.0 only: what Debian's CLI, openstack4j and Tempest's defaults speak (see docs/architecture.md). */
    static final Microversion ONLY = new Microversion(3, 0);

    /** {@code OpenStack-API-Version: volume 3.0} on every /v3 call: absent means 3.0, anything newer 406. */
    @Bean
    FilterRegistrationBean<MicroversionFilter> volumeMicroversions(ErrorResponseWriter errors) {
        MicroversionFilter filter = new MicroversionFilter(new MicroversionNegotiator("volume", null, ONLY, ONLY),
                "/v3/", errors);
        FilterRegistrationBean<MicroversionFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Bean
    VolumeSettings volumeSettings(VolumeProperties properties) {
        return new VolumeSettings(properties.taskTimeout(), properties.poolDownAfter(), properties.defaultType(),
                properties.maxOverSubscriptionRatio(), properties.copyTimePerGb());
    }

    @Bean
    ProjectQuotaLocks projectQuotaLocks(NamedParameterJdbcTemplate jdbc) {
        return new ProjectQuotaLocks(jdbc);
    }

    @Bean
    ImageService imageService(VolumeProperties properties, ObjectProvider<ServiceTokenProvider> tokens) {
        return new ImageService(new ResilientRestClient("image", properties.imageUrl(), properties.clientTimeout(),
                tokens.getIfAvailable()));
    }

    @Bean
    VolumeWatchdog volumeWatchdog(VolumeTasks tasks) {
        return new VolumeWatchdog(tasks, Duration.ofSeconds(5));
    }

    /** The default volume type exists before the first request. */
    @Bean
    ApplicationRunner defaultVolumeType(VolumeTypes types) {
        return args -> types.ensureDefault();
    }
}
