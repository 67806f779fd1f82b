package io.kumo.dashboard.cloud;

import static io.kumo.dashboard.cloud.CloudCalls.given;
import static io.kumo.dashboard.cloud.CloudCalls.segment;
import static io.kumo.dashboard.cloud.CloudCalls.text;
import static io.kumo.dashboard.cloud.CloudCalls.typed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The user's SSH key pairs in compute-service: list, import a public key, generate one, delete. */
public class KeyPairs {

    private static final String SERVICE = "compute";

    private final CloudCalls calls;

    public KeyPairs(CloudCalls calls) {
        this.calls = calls;
    }

    public List<KeyPair> list(CloudSession session) {
        List<KeyPair> pairs = new ArrayList<>();
        calls.get(session, SERVICE, "/os-keypairs").path("keypairs").forEach(k -> pairs.add(keyPair(k.path(
                "keypair"))));
        return pairs;
    }

    /**
     * Imports the public key, or, when it is blank, has compute-service generate the pair: its answer is the
     * only time the private key is seen.
     */
    public KeyPair create(CloudSession session, String name, String publicKey) {
        Map<String, Object> keyPair = new LinkedHashMap<>();
        keyPair.put("name", typed(name));
        if (given(publicKey)) {
            keyPair.put("public_key", publicKey.strip());
        }
        return keyPair(calls.post(session, SERVICE, "/os-keypairs", Map.of("keypair", keyPair)).path("keypair"));
    }

    public void delete(CloudSession session, String name) {
        calls.delete(session, SERVICE, "/os-keypairs/" + segment(name));
    }

    private static KeyPair keyPair(JsonNode k) {
        return new KeyPair(text(k, "name"), text(k, "fingerprint"), text(k, "public_key"), text(k, "private_key"));
    }
}
