package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.compute.application.KeyPairs;
import io.kumo.compute.persistence.KeyPairRecords.KeyPairRow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Nova's {@code /os-keypairs} at microversion 2.1 (200 on create, 202 on delete, no {@code type}). */
@RestController
class KeyPairController {

    private final KeyPairs keyPairs;

    KeyPairController(KeyPairs keyPairs) {
        this.keyPairs = keyPairs;
    }

    @PostMapping("/v2.1/os-keypairs")
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body) {
        JsonNode k = NovaJson.resource(body, "keypair");
        KeyPairs.Created created = keyPairs.create(caller, NovaJson.text(k, "name"), NovaJson.text(k, "public_key"));
        Map<String, Object> v = new LinkedHashMap<>();
        KeyPairRow row = created.keyPair();
        v.put("name", row.name());
        v.put("public_key", row.publicKey());
        v.put("fingerprint", row.fingerprint());
        v.put("user_id", row.userId());
        if (created.privateKey() != null) {
            v.put("private_key", created.privateKey());
        }
        return Map.of("keypair", v);
    }

    @GetMapping("/v2.1/os-keypairs")
    Map<String, Object> list(Caller caller, @RequestParam(name = "user_id", required = false) String userId) {
        return Map.of("keypairs", keyPairs.list(caller, userId).stream().map(row -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", row.name());
            v.put("public_key", row.publicKey());
            v.put("fingerprint", row.fingerprint());
            return Map.of("keypair", v);
        }).toList());
    }

    @GetMapping("/v2.1/os-keypairs/{name}")
    Map<String, Object> show(Caller caller, @PathVariable String name,
            @RequestParam(name = "user_id", required = false) String userId) {
        KeyPairRow row = keyPairs.get(caller, name, userId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", row.name());
        v.put("public_key", row.publicKey());
        v.put("fingerprint", row.fingerprint());
        v.put("user_id", row.userId());
        v.put("id", row.id());
        v.put("created_at", NovaJson.micros(row.createdAt()));
        v.put("deleted", false);
        v.put("deleted_at", null);
        v.put("updated_at", null);
        return Map.of("keypair", v);
    }

    @DeleteMapping("/v2.1/os-keypairs/{name}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(Caller caller, @PathVariable String name,
            @RequestParam(name = "user_id", required = false) String userId) {
        keyPairs.delete(caller, name, userId);
    }
}
