package io.kumo.common.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The service user's own token for service-to-service calls, obtained with password auth scoped to
 * the service project and renewed well before it expires.
 */
public class ServiceTokenProvider {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final RestClient identity;
    private final String user;
    private final String password;
    private final String project;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public ServiceTokenProvider(String identityUrl, String user, String password, String project, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(10)); // a hung identity must not hang every caller
        this.identity = RestClient.builder().baseUrl(identityUrl).requestFactory(factory).build();
        this.user = user;
        this.password = password;
        this.project = project;
        this.clock = clock;
    }

    public synchronized String token() {
        if (token == null || clock.instant().isAfter(expiresAt.minus(RENEW_BEFORE_EXPIRY))) {
            renew();
        }
        return token;
    }

    private void renew() {
        Map<String, Object> domain = Map.of("id", "default");
        Map<String, Object> body = Map.of("auth", Map.of(
                "identity", Map.of("methods", new String[] {"password"},
                        "password", Map.of("user", Map.of("name", user, "domain", domain, "password", password))),
                "scope", Map.of("project", Map.of("name", project, "domain", domain))));
        ResponseEntity<Map> response = identity.post().uri("/v3/auth/tokens?nocatalog").body(body).retrieve()
                .toEntity(Map.class);
        token = response.getHeaders().getFirst("X-Subject-Token");
        Map<?, ?> issued = (Map<?, ?>) response.getBody().get("token");
        expiresAt = Instant.parse((String) issued.get("expires_at"));
    }
}
