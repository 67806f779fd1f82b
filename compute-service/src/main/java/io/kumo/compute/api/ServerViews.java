package io.kumo.compute.api;

import io.kumo.compute.application.AvailabilityZones;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerPort;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server as Nova 2.1 shows it. {@link #detail} has exactly the fields of Tempest's {@code server_detail}
 * schema: {@code config_drive} a string, {@code OS-EXT-SRV-ATTR:*} for admins only, {@code metadata} always.
 * {@link #basic} is what update and rebuild answer (Tempest's {@code update_server}): the core fields only,
 * addresses without their {@code OS-EXT-IPS} extensions.
 */
final class ServerViews {

    private ServerViews() {
    }

    /** @param volumeIds the volumes attached to it, in the order they were attached */
    static Map<String, Object> detail(Server s, String base, boolean admin, List<String> volumeIds) {
        Map<String, Object> v = core(s, base, true);
        v.put("OS-EXT-AZ:availability_zone", s.availabilityZone() == null ? AvailabilityZones.DEFAULT_ZONE
                : s.availabilityZone());
        v.put("config_drive", s.configDrive() ? "True" : "");
        v.put("key_name", s.keyName());
        v.put("OS-SRV-USG:launched_at", NovaJson.micros(s.launchedAt()));
        v.put("OS-SRV-USG:terminated_at", NovaJson.micros(s.terminatedAt()));
        v.put("security_groups", s.securityGroups().stream().map(g -> Map.of("name", g)).toList());
        v.put("OS-EXT-STS:task_state", s.taskState() == null ? null : s.taskState().wire());
        v.put("OS-EXT-STS:vm_state", s.vmState().wire());
        v.put("OS-EXT-STS:power_state", s.powerState());
        v.put("os-extended-volumes:volumes_attached", volumeIds.stream().map(id -> Map.of("id", id)).toList());
        if (admin) {
            v.put("OS-EXT-SRV-ATTR:host", s.host());
            v.put("OS-EXT-SRV-ATTR:instance_name", instanceName(s.id()));
            v.put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host());
        }
        fault(v, s, admin);
        return v;
    }

    static Map<String, Object> basic(Server s, String base) {
        Map<String, Object> v = core(s, base, false);
        fault(v, s, false);
        return v;
    }

    /** The name the hypervisor knows the server by (Nova's instance_name_template). */
    static String instanceName(String serverId) {
        return "instance-" + serverId.substring(0, 8);
    }

    private static Map<String, Object> core(Server s, String base, boolean extendedAddresses) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("name", s.name());
        v.put("status", s.status());
        v.put("tenant_id", s.projectId());
        v.put("user_id", s.userId());
        v.put("metadata", s.metadata());
        v.put("hostId", hostId(s));
        v.put("image", Map.of("id", s.imageId(), "links", List.of(Map.of("rel", "bookmark",
                "href", base + "/images/" + s.imageId()))));
        v.put("flavor", Map.of("id", s.flavor().id(), "links", List.of(Map.of("rel", "bookmark",
                "href", base + "/flavors/" + s.flavor().id()))));
        v.put("created", NovaJson.time(s.createdAt()));
        v.put("updated", NovaJson.time(s.updatedAt()));
        v.put("addresses", addresses(s, extendedAddresses));
        v.put("accessIPv4", "");
        v.put("accessIPv6", "");
        v.put("links", NovaLinks.of(base, "servers", s.id()));
        v.put("OS-DCF:diskConfig", "MANUAL");
        if (s.status().equals("BUILD") || s.status().equals("ACTIVE")) {
            v.put("progress", s.status().equals("ACTIVE") ? 100 : 0);
        }
        return v;
    }

    private static void fault(Map<String, Object> v, Server s, boolean admin) {
        if (s.fault() != null) {
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("code", s.fault().code());
            fault.put("created", NovaJson.time(s.fault().created()));
            fault.put("message", s.fault().message());
            if (admin) {
                fault.put("details", s.fault().details());
            }
            v.put("fault", fault);
        }
    }

    private static Map<String, Object> addresses(Server s, boolean extended) {
        Map<String, Object> byNetwork = new LinkedHashMap<>();
        for (ServerPort port : s.ports()) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) byNetwork.computeIfAbsent(port.networkName(), k -> new ArrayList<>());
            for (ServerPort.FixedIp ip : port.fixedIps()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("version", ip.version());
                a.put("addr", ip.ipAddress());
                if (extended) {
                    a.put("OS-EXT-IPS:type", "fixed");
                    a.put("OS-EXT-IPS-MAC:mac_addr", port.macAddress());
                }
                list.add(a);
            }
        }
        return byNetwork;
    }

    /** Nova's hostId: the host hidden behind a per-project hash, so projects cannot map the cloud. */
    private static String hostId(Server s) {
        if (s.host() == null) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-224")
                    .digest((s.projectId() + s.host()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-224 is part of every Java runtime", e);
        }
    }
}
