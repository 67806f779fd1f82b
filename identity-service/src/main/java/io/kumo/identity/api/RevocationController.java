package io.kumo.identity.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.contract.identity.TokensRevoked;
import io.kumo.identity.application.RevocationService;
import io.kumo.identity.application.SigningKeyService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What other services need to validate tokens locally: the public signing keys (a Kumo extension,
 * public like any JWKS document) and the current revocation events (Keystone's OS-REVOKE).
 */
@RestController
class RevocationController {

    private final RevocationService revocations;
    private final SigningKeyService keys;

    RevocationController(RevocationService revocations, SigningKeyService keys) {
        this.revocations = revocations;
        this.keys = keys;
    }

    @GetMapping(value = "/v3/OS-KUMO/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    String jwks() {
        return keys.jwks();
    }

    @GetMapping("/v3/OS-REVOKE/events")
    Map<String, Object> events(Caller caller) {
        Policy.requireAdminOrService(caller, "identity:list_revoke_events");
        List<Map<String, Object>> events = new ArrayList<>();
        for (TokensRevoked e : revocations.current()) {
            Map<String, Object> m = new LinkedHashMap<>();
            putIfPresent(m, "audit_id", e.auditId());
            putIfPresent(m, "user_id", e.userId());
            putIfPresent(m, "project_id", e.projectId());
            putIfPresent(m, "domain_id", e.domainId());
            putIfPresent(m, "application_credential_id", e.applicationCredentialId());
            m.put("issued_before", KeystoneTime.format(e.issuedBefore()));
            m.put("revoked_at", KeystoneTime.format(e.revokedAt()));
            events.add(m);
        }
        return Map.of("events", events);
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
