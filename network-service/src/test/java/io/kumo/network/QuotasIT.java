package io.kumo.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Quotas from identity's unified limits, counting real usage. */
class QuotasIT extends NetworkIT {

    @Test
    void quotasShowTheRegisteredDefaultsAndAProjectLimitStopsCreates() {
        String token = newProjectMember(unique("quota"));
        String project = IDENTITY.projectId(token);
        JsonNode quota = neutron.get("/v2.0/quotas/" + project, token).json().get("quota");
        assertThat(quota.get("network").asLong()).isEqualTo(100);
        assertThat(quota.get("port").asLong()).isEqualTo(500);
        assertNeutronError(neutron.get("/v2.0/quotas/" + IDENTITY.projectId(demoToken()), token), 403, null);

        setLimit(token, "network", 1);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(neutron.get("/v2.0/quotas/" + project, token).json().get("quota").get("network").asLong())
                        .isEqualTo(1));
        create(token, "networks", "network", "{\"name\": \"only-one\"}");
        assertNeutronError(neutron.post("/v2.0/networks", token, "{\"network\": {\"name\": \"two\"}}"), 409, "OverQuota");
        JsonNode details = neutron.get("/v2.0/quotas/" + project + "/details", token).json().get("quota");
        assertThat(details.get("network").get("used").asLong()).isEqualTo(1);
    }
}
