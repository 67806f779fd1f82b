package io.kumo.compute.domain;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The config drive's files in OpenStack's layout ({@code openstack/latest/meta_data.json},
 * {@code network_data.json}, {@code user_data}, {@code vendor_data.json}, also under the dated
 * version directory cloud-init asks for first) and the EC2 one Nova writes beside it
 * ({@code ec2/2009-04-04/meta-data.json} and {@code ec2/latest/}, with {@code user-data}). Values are the
 * files' bytes in base64.
 */
public final class ConfigDriveFiles {

    private static final JsonMapper JSON = new JsonMapper();
    private static final List<String> VERSIONS = List.of("latest", "2018-08-27");
    private static final List<String> EC2_VERSIONS = List.of("latest", "2009-04-04");

    private ConfigDriveFiles() {
    }

    /** One plugged port as the guest must configure it. */
    public record Nic(String portId, String mac, int mtu, String networkId, List<Address> addresses) {
    }

    public record Address(String ip, String cidr, String gateway, List<String> dns) {
    }

    public static Map<String, String> of(Server server, List<Nic> nics, Map<String, Object> vendorData) {
        Map<String, String> files = new LinkedHashMap<>();
        byte[] meta = JSON.writeValueAsBytes(metaData(server));
        byte[] network = JSON.writeValueAsBytes(networkData(nics));
        byte[] vendor = JSON.writeValueAsBytes(vendorData);
        for (String version : VERSIONS) {
            String dir = "openstack/" + version + "/";
            files.put(dir + "meta_data.json", base64(meta));
            files.put(dir + "network_data.json", base64(network));
            files.put(dir + "vendor_data.json", base64(vendor));
            if (server.userData() != null) {
                files.put(dir + "user_data", server.userData());
            }
        }
        byte[] ec2 = JSON.writeValueAsBytes(ec2MetaData(server, nics));
        for (String version : EC2_VERSIONS) {
            String dir = "ec2/" + version + "/";
            files.put(dir + "meta-data.json", base64(ec2));
            if (server.userData() != null) {
                files.put(dir + "user-data", server.userData());
            }
        }
        return files;
    }

    /**
     * Nova's EC2-style metadata: EC2 ids made from the server's and image's uuids ({@code i-}, {@code ami-},
     * {@code r-} and eight hex digits), the flavor as instance type, the first IPv4 address as local-ipv4.
     */
    static Map<String, Object> ec2MetaData(Server s, List<Nic> nics) {
        String ipv4 = nics.stream().flatMap(n -> n.addresses().stream()).map(Address::ip)
                .filter(ip -> !ip.contains(":")).findFirst().orElse("");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ami-id", ec2Id("ami", s.imageId()));
        m.put("ami-launch-index", s.launchIndex());
        m.put("ami-manifest-path", "FIXME");
        m.put("block-device-mapping", ordered("ami", "vda", "root", "/dev/vda"));
        m.put("hostname", s.hostname());
        m.put("instance-action", "none");
        m.put("instance-id", ec2Id("i", s.id()));
        m.put("instance-type", s.flavor() == null ? "" : s.flavor().name());
        m.put("local-hostname", s.hostname());
        m.put("local-ipv4", ipv4);
        m.put("placement", ordered("availability-zone", s.availabilityZone()));
        m.put("public-hostname", s.hostname());
        m.put("public-ipv4", "");
        if (s.keyName() != null) {
            m.put("public-keys", ordered("0", ordered("openssh-key", s.keyData())));
        }
        m.put("reservation-id", s.reservationId() == null ? "" : s.reservationId());
        m.put("security-groups", s.securityGroups());
        return m;
    }

    private static String ec2Id(String prefix, String uuid) {
        String hex = uuid == null ? "" : uuid.replace("-", "");
        return prefix + "-" + (hex.length() >= 8 ? hex.substring(0, 8) : "00000000");
    }

    static Map<String, Object> metaData(Server s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", s.id());
        m.put("meta", s.metadata());
        if (s.keyName() != null) {
            m.put("public_keys", Map.of(s.keyName(), s.keyData()));
            m.put("keys", List.of(Map.of("name", s.keyName(), "type", "ssh", "data", s.keyData())));
        }
        m.put("hostname", s.hostname());
        m.put("name", s.name());
        m.put("launch_index", s.launchIndex());
        m.put("availability_zone", s.availabilityZone());
        m.put("project_id", s.projectId());
        m.put("devices", List.of());
        return m;
    }

    /** nova's network_data.json: a link per port, a static network per address, DNS as services. */
    static Map<String, Object> networkData(List<Nic> nics) {
        List<Object> links = new ArrayList<>();
        List<Object> networks = new ArrayList<>();
        List<Object> services = new ArrayList<>();
        for (Nic nic : nics) {
            String link = "tap" + nic.portId().substring(0, Math.min(11, nic.portId().length()));
            links.add(ordered("id", link, "vif_id", nic.portId(), "type", "bridge", "mtu", nic.mtu(),
                    "ethernet_mac_address", nic.mac()));
            for (Address a : nic.addresses()) {
                boolean v6 = a.ip().contains(":");
                List<Object> routes = new ArrayList<>();
                if (a.gateway() != null) {
                    routes.add(ordered("network", v6 ? "::" : "0.0.0.0", "netmask", v6 ? "::" : "0.0.0.0",
                            "gateway", a.gateway()));
                }
                List<Object> dns = new ArrayList<>();
                a.dns().forEach(d -> dns.add(ordered("type", "dns", "address", d)));
                networks.add(ordered("id", "network" + networks.size(), "type", v6 ? "ipv6" : "ipv4", "link", link,
                        "ip_address", a.ip(), "netmask", v6 ? a.cidr().substring(a.cidr().indexOf('/') + 1)
                                : netmask(a.cidr()), "routes", routes, "network_id", nic.networkId(),
                        "services", dns));
                a.dns().forEach(d -> services.add(ordered("type", "dns", "address", d)));
            }
        }
        return ordered("links", links, "networks", networks, "services", services);
    }

    static String netmask(String cidr) {
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return ((mask >> 24) & 255) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

}
