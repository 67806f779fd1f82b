package io.kumo.compute.domain;

/**
 * The quotas Nova 2.1 shows in {@code os-quota-sets} and {@code limits}, each with the unified-limit
 * resource it is read from (registered in identity for service type {@code compute}). Quotas that
 * belong to network-service at 2.1 ({@code floating_ips}, {@code security_groups}…) have no resource
 * here and show -1, as Nova does with Neutron.
 */
public enum ComputeQuota {
    INSTANCES("instances", "servers"),
    CORES("cores", "class:VCPU"),
    RAM("ram", "class:MEMORY_MB"),
    METADATA_ITEMS("metadata_items", "server_metadata_items"),
    KEY_PAIRS("key_pairs", "server_key_pairs"),
    SERVER_GROUPS("server_groups", "server_groups"),
    SERVER_GROUP_MEMBERS("server_group_members", "server_group_members"),
    INJECTED_FILES("injected_files", "server_injected_files"),
    INJECTED_FILE_CONTENT_BYTES("injected_file_content_bytes", "server_injected_file_content_bytes"),
    INJECTED_FILE_PATH_BYTES("injected_file_path_bytes", "server_injected_file_path_bytes"),
    FIXED_IPS("fixed_ips", null),
    FLOATING_IPS("floating_ips", null),
    SECURITY_GROUPS("security_groups", null),
    SECURITY_GROUP_RULES("security_group_rules", null);

    /** No limit. */
    public static final long UNLIMITED = -1;

    private final String novaName;
    private final String resource;

    ComputeQuota(String novaName, String resource) {
        this.novaName = novaName;
        this.resource = resource;
    }

    public String novaName() {
        return novaName;
    }

    /** The unified-limit resource name, or null for a quota another service owns. */
    public String resource() {
        return resource;
    }

    /** Nova's 403 message when a request would exceed the limit. */
    public String exceeded(long requested, long used, long limit) {
        return "Quota exceeded for " + novaName + ": Requested " + requested + ", but already used " + used + " of "
                + limit + " " + novaName;
    }
}
