package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.auth.InvalidTokenException;
import io.kumo.common.auth.JwksSigningKeys;
import io.kumo.common.auth.RevocationList;
import io.kumo.common.auth.TokenValidator;
import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.contract.identity.TokensRevoked;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.messaging.RevocationEventsClient;
import io.kumo.common.messaging.RevocationSubscriber;
import io.kumo.common.test.TestInfrastructure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * A validator as another service runs it — its own keys fetched over HTTP, its own broker connection —
 * rejects a revoked token within a second of the revocation.
 */
class RevocationPropagationIT extends IdentityIT {

    private CachingConnectionFactory connections;
    private RevocationSubscriber subscriber;
    private TokenValidator remote;

    @BeforeEach
    void startRemoteValidator() {
        ResilientRestClient identity = new ResilientRestClient("identity", api.base(), Duration.ofSeconds(5), null);
        JwksSigningKeys keys = new JwksSigningKeys(() -> identity.get("/v3/OS-KUMO/jwks", String.class),
                Clock.systemUTC(), Duration.ofSeconds(1));
        RevocationList revocations = new RevocationList();
        remote = new TokenValidator(keys, revocations, Clock.systemUTC(), 1000);
        connections = new CachingConnectionFactory(URI.create(TestInfrastructure.amqpUrl()));
        subscriber = new RevocationSubscriber(connections, revocations, new MessageCodec(), "remote-test");
        subscriber.start();
    }

    @AfterEach
    void stop() {
        subscriber.stop();
        connections.destroy();
    }

    @Test
    void anExplicitRevocationReachesAnotherProcessWithinOneSecond() throws Exception {
        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        assertThat(remote.validate(demo).projectId()).isNotNull();

        long revokedAt = System.nanoTime();
        assertThat(api.send("DELETE", "/v3/auth/tokens", adminToken(), null, demo).status()).isEqualTo(204);
        long elapsedMs = waitUntilRejected(demo, revokedAt);
        assertThat(elapsedMs).as("revocation propagation time").isLessThan(1000);
    }

    @Test
    void aPasswordChangeRevokesEverywhereToo() throws Exception {
        String admin = adminToken();
        String user = unique("dave");
        String userId = api.post("/v3/users", admin, "{\"user\":{\"name\":\"" + user + "\",\"password\":\"pass-one\"}}")
                .str("/user/id");
        String token = api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "pass-one", null))
                .header("X-Subject-Token");
        remote.validate(token);
        long changedAt = System.nanoTime();
        api.patch("/v3/users/" + userId, admin, "{\"user\":{\"password\":\"pass-two\"}}");
        assertThat(waitUntilRejected(token, changedAt)).isLessThan(1000);
    }

    @Test
    void aStartingServicePullsCurrentRevocationsWithItsServiceToken() {
        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        api.send("DELETE", "/v3/auth/tokens", adminToken(), null, demo);
        ServiceTokenProvider serviceToken = new ServiceTokenProvider(api.base(), "kumo-compute", SERVICE_PASSWORD,
                "service", Clock.systemUTC());
        List<TokensRevoked> events = new RevocationEventsClient(new ResilientRestClient("identity", api.base(),
                Duration.ofSeconds(5), serviceToken)).fetch();
        RevocationList fresh = new RevocationList();
        fresh.applyAll(events);
        TokenValidator late = new TokenValidator(remoteKeys(), fresh, Clock.systemUTC(), 10);
        assertThatThrownBy(() -> late.validate(demo)).hasMessage("revoked");
    }

    private JwksSigningKeys remoteKeys() {
        ResilientRestClient identity = new ResilientRestClient("identity", api.base(), Duration.ofSeconds(5), null);
        return new JwksSigningKeys(() -> identity.get("/v3/OS-KUMO/jwks", String.class), Clock.systemUTC(),
                Duration.ofSeconds(1));
    }

    private long waitUntilRejected(String token, long sinceNanos) throws InterruptedException {
        while (System.nanoTime() - sinceNanos < 5_000_000_000L) {
            try {
                remote.validate(token);
            } catch (InvalidTokenException e) {
                return (System.nanoTime() - sinceNanos) / 1_000_000;
            }
            Thread.sleep(5);
        }
        return Long.MAX_VALUE;
    }
}
