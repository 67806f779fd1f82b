package io.kumo.dashboard.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's settings, under {@code dashboard.*}.
 *
 * @param identityUrl   identity-service (Keystone v3): where users log in; every other service's address comes
 *                      from the catalog of the user's token, as for any OpenStack client
 * @param clientTimeout deadline of each call to a service
 * @param uploadTimeout deadline of an image upload's transfer to image-service
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(@DefaultValue("http://127.0.0.1:5000") String identityUrl,
        @DefaultValue("10s") Duration clientTimeout, @DefaultValue("2h") Duration uploadTimeout) {
}
