package io.kumo.common.config;

import io.kumo.common.error.ErrorFamily;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every Kumo service shares, under {@code kumo.*}. {@code catalogType} is the service's type
 * in identity's catalog (image, network, ...), which its quotas are registered against.
 */
@ConfigurationProperties("kumo")
public record KumoProperties(
        @DefaultValue("kumo") String serviceName,
        @DefaultValue("") String catalogType,
        @DefaultValue Api api,
        @DefaultValue Identity identity,
        @DefaultValue Tokens tokens,
        @DefaultValue Messaging messaging) {

    /**
     * @param errorFamily     the OpenStack project whose error body this service speaks
     * @param publicUrl       base URL clients use, for absolute links; empty = from the request
     * @param maxBodyBytes    largest accepted request body (Keystone's max_request_body_size)
     * @param bodyLimitExclusions path patterns streaming data (image upload) exempt from the limit
     */
    public record Api(@DefaultValue("KEYSTONE") ErrorFamily errorFamily, @DefaultValue("") String publicUrl,
            @DefaultValue("114688") long maxBodyBytes, @DefaultValue("") List<String> bodyLimitExclusions) {
    }

    /**
     * @param url             identity's base URL (http://host:5000); empty inside identity itself
     * @param serviceUser     this service's own user, for service tokens
     * @param servicePassword its password
     * @param serviceProject  the project service users are members of
     * @param limitsTtl       how long a project's quota read from identity is trusted
     */
    public record Identity(@DefaultValue("") String url, @DefaultValue("") String serviceUser,
            @DefaultValue("") String servicePassword, @DefaultValue("service") String serviceProject,
            @DefaultValue("5s") Duration timeout, @DefaultValue("30s") Duration limitsTtl) {

        public boolean hasServiceCredentials() {
            return !url.isBlank() && !serviceUser.isBlank() && !servicePassword.isBlank();
        }
    }

    /**
     * @param cacheSize   how many verified tokens a validator remembers
     * @param maxLifetime the longest lifetime identity gives a token: older revocation events are forgotten
     */
    public record Tokens(@DefaultValue("100000") long cacheSize, @DefaultValue("24h") Duration maxLifetime) {
    }

    /**
     * @param embeddedBroker true under the quickstart's embedded Qpid broker, which refuses quorum and
     *                       dead-letter queue arguments
     */
    public record Messaging(@DefaultValue("false") boolean embeddedBroker,
            @DefaultValue("500ms") Duration outboxPollInterval, @DefaultValue("5s") Duration confirmTimeout) {
    }
}
