package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.compute.application.ComputeServices;
import io.kumo.compute.application.ComputeServices.Listed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Nova's {@code /os-services} at 2.1: list, and {@code PUT /os-services/{enable|disable|disable-log-reason}}
 * with {"host", "binary"} bodies ({@code force-down} arrives with microversion 2.11).
 */
@RestController
class ServiceController {

    private final ComputeServices services;

    ServiceController(ComputeServices services) {
        this.services = services;
    }

    @GetMapping("/v2.1/os-services")
    Map<String, Object> list(Caller caller, @RequestParam(required = false) String host,
            @RequestParam(required = false) String binary) {
        return Map.of("services", services.list(caller, host, binary).stream().map(ServiceController::view).toList());
    }

    @PutMapping("/v2.1/os-services/{action}")
    Map<String, Object> update(Caller caller, @PathVariable String action, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Invalid input: a JSON object with 'host' and 'binary' is required.");
        }
        String host = NovaJson.text(body, "host");
        String binary = NovaJson.text(body, "binary");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("host", host);
        v.put("binary", binary);
        switch (action) {
            case "enable" -> {
                services.update(caller, host, binary, false, null, null);
                v.put("status", "enabled");
            }
            case "disable" -> {
                services.update(caller, host, binary, true, null, null);
                v.put("status", "disabled");
            }
            case "disable-log-reason" -> {
                String reason = NovaJson.text(body, "disabled_reason");
                if (reason == null) {
                    throw ApiException.badRequest("Missing disabled reason field");
                }
                services.update(caller, host, binary, true, reason, null);
                v.put("status", "disabled");
                v.put("disabled_reason", reason);
            }
            default -> throw ApiException.notFound("Unknown action " + action);
        }
        return Map.of("service", v);
    }

    private static Map<String, Object> view(Listed listed) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", listed.id());
        v.put("binary", ComputeServices.BINARY);
        v.put("host", listed.host().name());
        v.put("zone", listed.host().availabilityZone());
        v.put("status", listed.host().disabled() ? "disabled" : "enabled");
        v.put("state", listed.host().up() ? "up" : "down");
        v.put("updated_at", NovaJson.micros(listed.host().lastHeartbeat()));
        v.put("disabled_reason", listed.host().disabledReason());
        return v;
    }
}
