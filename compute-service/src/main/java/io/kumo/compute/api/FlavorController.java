package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.PublicUrls;
import io.kumo.compute.application.Flavors;
import io.kumo.compute.domain.Flavor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Nova's {@code /flavors}, {@code /flavors/{id}/os-extra_specs} and flavor access, at microversion 2.1. */
@RestController
class FlavorController {

    private final Flavors flavors;
    private final PublicUrls urls;

    FlavorController(Flavors flavors, PublicUrls urls) {
        this.flavors = flavors;
        this.urls = urls;
    }

    @GetMapping("/v2.1/flavors")
    Map<String, Object> list(Caller caller, HttpServletRequest request,
            @RequestParam(name = "is_public", required = false) String isPublic,
            @RequestParam(required = false) String minRam, @RequestParam(required = false) String minDisk,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String marker) {
        return Map.of("flavors", page(caller, isPublic, minRam, minDisk, limit, marker).stream()
                .map(f -> summary(f, request)).toList());
    }

    @GetMapping("/v2.1/flavors/detail")
    Map<String, Object> detail(Caller caller, HttpServletRequest request,
            @RequestParam(name = "is_public", required = false) String isPublic,
            @RequestParam(required = false) String minRam, @RequestParam(required = false) String minDisk,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String marker) {
        return Map.of("flavors", page(caller, isPublic, minRam, minDisk, limit, marker).stream()
                .map(f -> full(f, request)).toList());
    }

    @GetMapping("/v2.1/flavors/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id, HttpServletRequest request) {
        return Map.of("flavor", full(flavors.get(caller, id), request));
    }

    @PostMapping("/v2.1/flavors")
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        JsonNode f = NovaJson.resource(body, "flavor");
        Boolean isPublic = NovaJson.bool(f, "os-flavor-access:is_public");
        Integer ephemeral = NovaJson.integer(f, "OS-FLV-EXT-DATA:ephemeral");
        Integer swap = NovaJson.integer(f, "swap");
        Double rxtx = NovaJson.number(f, "rxtx_factor");
        Flavor requested = new Flavor(NovaJson.textOrNumber(f, "id"), NovaJson.text(f, "name"),
                NovaJson.integer(f, "vcpus"), NovaJson.integer(f, "ram"), NovaJson.integer(f, "disk"),
                ephemeral == null ? 0 : ephemeral, swap == null ? 0 : swap, rxtx == null ? 1.0 : rxtx,
                isPublic == null || isPublic, false, Map.of());
        return Map.of("flavor", full(flavors.create(caller, requested), request));
    }

    @DeleteMapping("/v2.1/flavors/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(Caller caller, @PathVariable String id) {
        flavors.delete(caller, id);
    }

    @GetMapping("/v2.1/flavors/{id}/os-extra_specs")
    Map<String, Object> extraSpecs(Caller caller, @PathVariable String id) {
        return Map.of("extra_specs", flavors.extraSpecs(caller, id));
    }

    @PostMapping("/v2.1/flavors/{id}/os-extra_specs")
    Map<String, Object> addExtraSpecs(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        JsonNode specs = NovaJson.resource(body, "extra_specs");
        return Map.of("extra_specs", flavors.putExtraSpecs(caller, id, specs(specs)));
    }

    @GetMapping("/v2.1/flavors/{id}/os-extra_specs/{key}")
    Map<String, Object> extraSpec(Caller caller, @PathVariable String id, @PathVariable String key) {
        return Map.of(key, flavors.extraSpec(caller, id, key));
    }

    /** {"key": "value"}: exactly the key in the URL. */
    @PutMapping("/v2.1/flavors/{id}/os-extra_specs/{key}")
    Map<String, String> putExtraSpec(Caller caller, @PathVariable String id, @PathVariable String key,
            @RequestBody JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 1 || body.get(key) == null) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        return flavors.putExtraSpecs(caller, id, specs(body));
    }

    @DeleteMapping("/v2.1/flavors/{id}/os-extra_specs/{key}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void deleteExtraSpec(Caller caller, @PathVariable String id, @PathVariable String key) {
        flavors.deleteExtraSpec(caller, id, key);
    }

    @GetMapping("/v2.1/flavors/{id}/os-flavor-access")
    Map<String, Object> access(Caller caller, @PathVariable String id) {
        return accessList(id, flavors.access(caller, id));
    }

    /** {"addTenantAccess": {"tenant": "..."}} or {"removeTenantAccess": {"tenant": "..."}}. */
    @PostMapping("/v2.1/flavors/{id}/action")
    Map<String, Object> action(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        if (body != null && body.has("addTenantAccess")) {
            return accessList(id, flavors.addAccess(caller, id, tenant(body.get("addTenantAccess"))));
        }
        if (body != null && body.has("removeTenantAccess")) {
            return accessList(id, flavors.removeAccess(caller, id, tenant(body.get("removeTenantAccess"))));
        }
        throw ApiException.badRequest("There is no such action: " + (body == null || body.isEmpty() ? "None"
                : body.propertyNames().iterator().next()));
    }

    private List<Flavor> page(Caller caller, String isPublic, String minRam, String minDisk, String limit,
            String marker) {
        Flavors.Visibility visibility = visibility(isPublic);
        List<Flavor> all = flavors.list(caller, visibility, positive("minRam", minRam), positive("minDisk", minDisk));
        int start = 0;
        if (marker != null) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(marker)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("marker [" + marker + "] not found");
            }
        }
        Integer max = positive("limit", limit);
        int end = max == null ? all.size() : Math.min(all.size(), start + max);
        return new ArrayList<>(all.subList(Math.min(start, end), end));
    }

    private static Flavors.Visibility visibility(String isPublic) {
        if (isPublic == null) {
            return Flavors.Visibility.PUBLIC;
        }
        return switch (isPublic.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> Flavors.Visibility.ALL;
            case "true", "t", "1", "yes", "y", "on" -> Flavors.Visibility.PUBLIC;
            case "false", "f", "0", "no", "n", "off" -> Flavors.Visibility.PRIVATE;
            default -> throw ApiException.badRequest("Invalid is_public filter [" + isPublic + "]");
        };
    }

    private static Integer positive(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("Invalid input for query parameters " + name + ". Value: " + value
                + ". '" + value + "' is not a non-negative integer");
    }

    private static Map<String, String> specs(JsonNode object) {
        Map<String, String> specs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode v = e.getValue();
            if (!(v.isString() || v.isNumber() || v.isBoolean())) {
                throw NovaJson.invalid("extra_specs", v, v + " is not of type 'string'");
            }
            specs.put(e.getKey(), v.asString());
        }
        return specs;
    }

    private static String tenant(JsonNode action) {
        String tenant = action == null || !action.isObject() ? null : NovaJson.text(action, "tenant");
        if (tenant == null || tenant.isBlank()) {
            throw ApiException.badRequest("Invalid input for field/attribute tenant. Value: None. 'tenant' is a"
                    + " required property");
        }
        return tenant;
    }

    private static Map<String, Object> accessList(String flavorId, List<String> projects) {
        return Map.of("flavor_access", projects.stream()
                .map(p -> Map.of("flavor_id", flavorId, "tenant_id", p)).toList());
    }

    private Map<String, Object> summary(Flavor f, HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", f.id());
        v.put("name", f.name());
        v.put("links", NovaLinks.of(urls.base(request), "flavors", f.id()));
        return v;
    }

    /** Nova 2.1's flavor: swap is "" when there is none (an integer from 2.75 on). */
    private Map<String, Object> full(Flavor f, HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", f.id());
        v.put("name", f.name());
        v.put("ram", f.ramMb());
        v.put("disk", f.rootGb());
        v.put("swap", f.swapMb() == 0 ? "" : f.swapMb());
        v.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb());
        v.put("OS-FLV-DISABLED:disabled", f.disabled());
        v.put("vcpus", f.vcpus());
        v.put("os-flavor-access:is_public", f.isPublic());
        v.put("rxtx_factor", f.rxtxFactor());
        v.put("links", NovaLinks.of(urls.base(request), "flavors", f.id()));
        return v;
    }
}
