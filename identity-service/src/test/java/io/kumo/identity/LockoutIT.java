package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Repeated wrong passwords lock the account (3 tries, 3 s in the test configuration), then it unlocks. */
class LockoutIT extends IdentityIT {

    @Test
    void locksAfterRepeatedFailuresAndUnlocksWhenTheLockExpires() {
        String admin = adminToken();
        String user = unique("mallory");
        assertThat(api.post("/v3/users", admin, "{\"user\":{\"name\":\"" + user + "\",\"password\":\"right-pass\"}}")
                .status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "wrong-pass", null)).status())
                    .isEqualTo(401);
        }
        KeystoneClient.Response locked = api.post("/v3/auth/tokens", null,
                KeystoneClient.passwordAuth(user, "right-pass", null));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.str("/error/message")).contains("locked");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "right-pass", null))
                        .status()).isEqualTo(201));
    }

    @Test
    void serviceUsersCannotBeLockedOutByStrangers() {
        for (int i = 0; i < 5; i++) {
            api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth("kumo-agent", "wrong-pass", null));
        }
        assertThat(api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth("kumo-agent", SERVICE_PASSWORD,
                "service")).status()).isEqualTo(201);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String admin = adminToken();
        String user = unique("oscar");
        api.post("/v3/users", admin, "{\"user\":{\"name\":\"" + user + "\",\"password\":\"right-pass\"}}");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2; i++) {
                api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "wrong-pass", null));
            }
            assertThat(api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "right-pass", null)).status())
                    .isEqualTo(201);
        }
    }
}
