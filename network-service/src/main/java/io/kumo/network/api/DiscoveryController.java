package io.kumo.network.api;

import io.kumo.common.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version discovery and {@code /v2.0/extensions} as Neutron answers them; the extensions listed are
 * the ones this service really implements.
 */
@RestController
class DiscoveryController {

    private static final List<String[]> EXTENSIONS = List.of(
            new String[] {"provider", "Provider Network", "Expose mapping of virtual networks to physical networks"},
            new String[] {"binding", "Port Binding", "Expose port bindings of a virtual port to external application"},
            new String[] {"external-net", "Neutron external network", "Adds external network attribute to network resource."},
            new String[] {"net-mtu", "Network MTU", "Provides MTU attribute for a network resource."},
            new String[] {"port-security", "Port Security", "Provides port security"},
            new String[] {"standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes"},
            new String[] {"standard-attr-revisions", "Resource revision numbers", "This extension will display the revision number of neutron resources."},
            new String[] {"standard-attr-timestamp", "Resource timestamps", "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes."},
            new String[] {"project-id", "project_id field enabled", "Extension that indicates that project_id field is enabled."},
            new String[] {"security-group", "security-group", "The security groups extension."},
            new String[] {"standard-attr-tag", "Tag support for resources with standard attribute: subnet, trunk, "
                    + "network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip",
                    "Enables to set tag on resources with standard attribute."},
            new String[] {"quotas", "Quota management support", "Expose functions for quotas management per project"},
            new String[] {"quota_details", "Quota details management support", "Expose functions for quotas usage statistics per project"});

    private final PublicUrls urls;

    DiscoveryController(PublicUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/")
    Map<String, Object> versions(HttpServletRequest request) {
        return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT",
                "links", List.of(Map.of("rel", "self", "href", urls.base(request) + "/v2.0/")))));
    }

    @GetMapping({"/v2.0", "/v2.0/"})
    Map<String, Object> resources(HttpServletRequest request) {
        String base = urls.base(request) + "/v2.0/";
        return Map.of("resources", List.of("network", "subnet", "port", "security-group", "security-group-rule").stream().map(name -> Map.of("name", name,
                "collection", name + "s", "links", List.of(Map.of("rel", "self", "href", base + name + "s")))).toList());
    }

    @GetMapping("/v2.0/extensions")
    Map<String, Object> extensions() {
        return Map.of("extensions", EXTENSIONS.stream().map(e -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("alias", e[0]);
            v.put("name", e[1]);
            v.put("description", e[2]);
            v.put("updated", "2013-01-01T10:00:00-00:00");
            v.put("links", List.of());
            return v;
        }).toList());
    }
}
