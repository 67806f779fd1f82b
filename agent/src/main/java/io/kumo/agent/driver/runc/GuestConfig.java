package io.kumo.agent.driver.runc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a container is configured with from its config drive (the files compute-service rendered, base64):
 * the host name and SSH keys of {@code meta_data.json}, and per NIC (by MAC) its address, prefix and
 * gateway, and the DNS servers of {@code network_data.json} — the same data cloud-init reads in a VM.
 */
record GuestConfig(String hostname, List<String> publicKeys, Map<String, Nic> nicsByMac, List<String> dns) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String META = "openstack/latest/meta_data.json";
    private static final String NETWORK = "openstack/latest/network_data.json";

    /** A NIC's IPv4 configuration; {@code gateway} null when its subnet has none. */
    record Nic(String mac, String address, int prefix, String gateway, int mtu) {
    }

    static GuestConfig of(Map<String, String> files, String fallbackHostname) {
        JsonNode meta = read(files.get(META));
        JsonNode network = read(files.get(NETWORK));
        String hostname = meta.path("hostname").asString(fallbackHostname);
        List<String> keys = new ArrayList<>();
        meta.path("public_keys").properties().forEach(e -> keys.add(e.getValue().asString().strip()));
        Map<String, String> macByLink = new LinkedHashMap<>();
        Map<String, Integer> mtuByLink = new LinkedHashMap<>();
        for (JsonNode link : network.path("links")) {
            macByLink.put(link.path("id").asString(), link.path("ethernet_mac_address").asString());
            mtuByLink.put(link.path("id").asString(), link.path("mtu").asInt(1500));
        }
        Map<String, Nic> nics = new LinkedHashMap<>();
        for (JsonNode net : network.path("networks")) {
            String link = net.path("link").asString();
            String mac = macByLink.get(link);
            if (mac == null || !"ipv4".equals(net.path("type").asString()) || nics.containsKey(mac)) {
                continue;
            }
            String gateway = null;
            for (JsonNode route : net.path("routes")) {
                if ("0.0.0.0".equals(route.path("network").asString())) {
                    gateway = route.path("gateway").asString(null);
                }
            }
            nics.put(mac, new Nic(mac, net.path("ip_address").asString(), prefix(net.path("netmask").asString()),
                    gateway, mtuByLink.getOrDefault(link, 1500)));
        }
        List<String> dns = new ArrayList<>();
        for (JsonNode service : network.path("services")) {
            if ("dns".equals(service.path("type").asString()) && !dns.contains(service.path("address").asString())) {
                dns.add(service.path("address").asString());
            }
        }
        return new GuestConfig(hostname, List.copyOf(keys), nics, List.copyOf(dns));
    }

    private static JsonNode read(String base64) {
        if (base64 == null) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    }

    /** 255.255.255.0 → 24. */
    static int prefix(String netmask) {
        int bits = 0;
        for (String part : netmask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(part) & 0xFF);
        }
        return bits;
    }
}
