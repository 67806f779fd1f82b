package io.kumo.identity.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** identity-service's own settings, under {@code identity.*}. */
@ConfigurationProperties("identity")
public record IdentityProperties(
        @DefaultValue("1h") Duration tokenLifetime,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("0") int hashThreads,
        @DefaultValue Lockout lockout,
        @DefaultValue Password password,
        @DefaultValue AuthRateLimit authRateLimit,
        @DefaultValue Bootstrap bootstrap) {

    /** Threads computing password hashes at once; 0 (the default) means one per core. */
    public int hashThreadCount() {
        return hashThreads > 0 ? hashThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Keystone's {@code lockout_failure_attempts} / {@code lockout_duration}; {@code exemptUsers} (Default
     * domain) are never locked — the service users, whom anyone could otherwise lock out to stop a service
     * (Keystone's per-user {@code ignore_lockout_failure_attempts}).
     */
    public record Lockout(@DefaultValue("6") int maxFailures, @DefaultValue("30m") Duration duration,
            @DefaultValue({"kumo-compute", "kumo-network", "kumo-volume", "kumo-image", "kumo-scheduler",
                    "kumo-agent"}) java.util.List<String> exemptUsers) {
    }

    public record Password(@DefaultValue("6") int minLength, @DefaultValue("128") int maxLength,
            @DefaultValue("") String pattern, @DefaultValue("") String patternDescription) {
    }

    /** Token requests per second per client address, with a burst allowance; 0 turns the limit off. */
    public record AuthRateLimit(@DefaultValue("20") double perSecond, @DefaultValue("60") int burst) {
    }

    /**
     * What the first start creates, like {@code keystone-manage bootstrap}: the Default domain, an admin
     * in an admin project, the roles, one service user per Kumo service, the region and the catalog.
     *
     * @param publicBase     scheme and host every service URL starts with; ports are the standard ones
     * @param endpointUrls   per catalog type, a URL replacing the default one
     * @param demoUser       when set, a member user in project {@code demoProject} (the quickstart's)
     * @param services       the catalog types to publish: only services that really run belong in a catalog,
     *                       since clients call every one they find there
     */
    public record Bootstrap(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("admin") String adminUser,
            @DefaultValue("") String adminPassword,
            @DefaultValue("admin") String adminProject,
            @DefaultValue("RegionOne") String region,
            @DefaultValue("service") String serviceProject,
            @DefaultValue("") String servicePassword,
            @DefaultValue("http://127.0.0.1") String publicBase,
            @DefaultValue Map<String, String> endpointUrls,
            @DefaultValue("") String demoUser,
            @DefaultValue("") String demoPassword,
            @DefaultValue("demo") String demoProject,
            @DefaultValue({"identity", "compute", "network", "image", "volumev3", "block-storage", "placement"})
            List<String> services) {
    }
}
