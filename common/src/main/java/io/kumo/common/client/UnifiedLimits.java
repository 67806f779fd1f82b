package io.kumo.common.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The quota source of every service: identity's unified limits (as oslo.limit reads them). A project's
 * own limit for a resource wins over the registered default; a resource with neither is unlimited.
 * Answers are cached briefly, so a quota change applies within {@code ttl} and a burst of creates asks
 * identity once.
 */
public class UnifiedLimits {

    /** No limit registered for the resource at all. */
    public static final long UNLIMITED = -1;

    private final ResilientRestClient identity;
    private final String serviceType;
    private final Cache<String, Long> limits;
    private volatile String serviceId;

    public UnifiedLimits(ResilientRestClient identity, String serviceType, Duration ttl) {
        this.identity = identity;
        this.serviceType = serviceType;
        this.limits = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    /** The limit of {@code resourceName} for the project, or {@link #UNLIMITED}. */
    public long limit(String projectId, String resourceName) {
        return limits.get(projectId + "/" + resourceName, key -> fetch(projectId, resourceName));
    }

    /** The registered default of {@code resourceName} (what a project without its own limit gets), or {@link #UNLIMITED}. */
    public long registeredLimit(String resourceName) {
        return limits.get("/" + resourceName, key -> fetchRegistered(resourceName));
    }

    private long fetch(String projectId, String resourceName) {
        Map<?, ?> own = identity.get(UriComponentsBuilder.fromPath("/v3/limits").queryParam("project_id", projectId)
                .queryParam("service_id", serviceId()).queryParam("resource_name", resourceName).build()
                .toUriString(), Map.class);
        Long value = firstResourceLimit(own.get("limits"));
        // not registeredLimit(): a cache's loader must not load other keys of the same cache
        return value != null ? value : fetchRegistered(resourceName);
    }

    private long fetchRegistered(String resourceName) {
        String service = serviceId();
        Map<?, ?> registered = identity.get(UriComponentsBuilder.fromPath("/v3/registered_limits")
                .queryParam("service_id", service).queryParam("resource_name", resourceName).build().toUriString(),
                Map.class);
        Long fallback = firstDefaultLimit(registered.get("registered_limits"));
        return fallback == null ? UNLIMITED : fallback;
    }

    /** The id of this service's catalog entry, which limits are registered against. */
    private String serviceId() {
        String id = serviceId;
        if (id == null) {
            Map<?, ?> catalog = identity.get("/v3/auth/catalog", Map.class);
            for (Object entry : (List<?>) catalog.get("catalog")) {
                Map<?, ?> service = (Map<?, ?>) entry;
                if (serviceType.equals(service.get("type"))) {
                    id = (String) service.get("id");
                }
            }
            if (id == null) {
                throw new IllegalStateException("identity's catalog has no service of type " + serviceType);
            }
            serviceId = id;
        }
        return id;
    }

    private static Long firstResourceLimit(Object list) {
        for (Object item : (List<?>) list) {
            Object value = ((Map<?, ?>) item).get("resource_limit");
            if (value instanceof Number n) {
                return n.longValue();
            }
        }
        return null;
    }

    private static Long firstDefaultLimit(Object list) {
        for (Object item : (List<?>) list) {
            Object value = ((Map<?, ?>) item).get("default_limit");
            if (value instanceof Number n) {
                return n.longValue();
            }
        }
        return null;
    }
}
