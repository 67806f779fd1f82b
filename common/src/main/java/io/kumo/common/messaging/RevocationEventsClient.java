package io.kumo.common.messaging;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.contract.identity.TokensRevoked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pulls identity's current revocation events ({@code GET /v3/OS-REVOKE/events}, Keystone's shape), so
 * a process that starts, or reconnects after missing broadcasts, still rejects revoked tokens.
 */
public class RevocationEventsClient {

    private final ResilientRestClient identity;

    public RevocationEventsClient(ResilientRestClient identity) {
        this.identity = identity;
    }

    public List<TokensRevoked> fetch() {
        Map<?, ?> body = identity.get("/v3/OS-REVOKE/events", Map.class);
        List<TokensRevoked> events = new ArrayList<>();
        for (Object item : (List<?>) body.get("events")) {
            Map<?, ?> e = (Map<?, ?>) item;
            events.add(new TokensRevoked(null, str(e, "audit_id"), str(e, "user_id"), str(e, "project_id"),
                    str(e, "domain_id"), str(e, "application_credential_id"), Instant.parse(str(e, "issued_before")),
                    e.get("revoked_at") == null ? null : Instant.parse(str(e, "revoked_at"))));
        }
        return events;
    }

    private static String str(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
