package io.kumo.compute.persistence;

import io.kumo.compute.domain.ComputeUsage;
import io.kumo.compute.domain.Fault;
import io.kumo.compute.domain.Flavor;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerPort;
import io.kumo.compute.domain.TaskState;
import io.kumo.compute.domain.VmState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Servers in plain SQL. Every state change is a compare-and-set on {@code version}: {@link #update}
 * answers false when someone else changed the server since it was read.
 */
@Repository
public class ServerRecords {

    private static final JsonMapper JSON = new JsonMapper();

    private final NamedParameterJdbcTemplate jdbc;

    public ServerRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Server s) {
        jdbc.update("INSERT INTO servers (id, project_id, user_id, name, hostname, flavor, image_id, hypervisor_type,"
                + " key_name, key_data, user_data, config_drive, availability_zone, launch_index, reservation_id,"
                + " vm_state, task_state, power_state, host, provider_uuid, build_attempt, build_deadline, request_id,"
                + " created_at, updated_at, deleted, version, vcpus, memory_mb, requested_zone) VALUES (:id, :project,"
                + " :user, :name,"
                + " :hostname, :flavor,"
                + " :image, :hvtype, :keyName, :keyData, :userData, :configDrive, :az, :launchIndex, :reservation,"
                + " :vm, :task, :power, :host, :provider, :attempt, :deadline, :requestId, :created, :updated, FALSE, 0,"
                + " :vcpus, :memoryMb, :requestedZone)",
                params(s).addValue("project", s.projectId()).addValue("user", s.userId())
                        .addValue("hostname", s.hostname()).addValue("flavor", JSON.writeValueAsString(s.flavor()))
                        .addValue("image", s.imageId()).addValue("hvtype", s.hypervisorType())
                        .addValue("keyName", s.keyName()).addValue("keyData", s.keyData())
                        .addValue("userData", s.userData()).addValue("configDrive", s.configDrive())
                        .addValue("az", s.availabilityZone()).addValue("launchIndex", s.launchIndex())
                        .addValue("reservation", s.reservationId()).addValue("created", ts(s.createdAt()))
                        .addValue("vcpus", s.flavor().vcpus()).addValue("memoryMb", s.flavor().ramMb())
                        .addValue("requestedZone", s.requestedZone()));
        s.metadata().forEach((k, v) -> jdbc.update("INSERT INTO server_metadata (server_id, meta_key, meta_value)"
                + " VALUES (:id, :k, :v)", new MapSqlParameterSource("id", s.id()).addValue("k", k).addValue("v", v)));
        s.securityGroups().forEach(g -> jdbc.update("INSERT INTO server_security_groups (server_id, name)"
                + " VALUES (:id, :name)", new MapSqlParameterSource("id", s.id()).addValue("name", g)));
        insertPorts(s.id(), s.ports());
    }

    /** Compare-and-set of the mutable columns; false when the server changed since {@code s} was read. */
    public boolean update(Server s) {
        return jdbc.update("UPDATE servers SET name = :name, image_id = :image, availability_zone = :az, vm_state = :vm, task_state = :task, power_state = :power,"
                + " host = :host, provider_uuid = :provider, build_attempt = :attempt, build_deadline = :deadline,"
                + " request_id = :requestId, fault_code = :faultCode, fault_message = :faultMessage,"
                + " fault_details = :faultDetails, fault_created = :faultCreated, updated_at = :updated,"
                + " launched_at = :launched, terminated_at = :terminated, deleted = :deleted, version = version + 1"
                + " WHERE id = :id AND version = :version", params(s)
                        .addValue("faultCode", s.fault() == null ? null : s.fault().code())
                        .addValue("faultMessage", s.fault() == null ? null : s.fault().message())
                        .addValue("faultDetails", s.fault() == null ? null : s.fault().details())
                        .addValue("faultCreated", s.fault() == null ? null : ts(s.fault().created()))
                        .addValue("launched", ts(s.launchedAt())).addValue("terminated", ts(s.terminatedAt()))
                        .addValue("deleted", s.vmState() == VmState.DELETED).addValue("version", s.version())
                        .addValue("az", s.availabilityZone()).addValue("image", s.imageId())) == 1;
    }

    /**
     * A new server's ports. Only inserts: a DELETE of the (absent) old rows first would take gap locks
     * under REPEATABLE READ, and concurrent creates would deadlock on them.
     */
    private void insertPorts(String serverId, List<ServerPort> ports) {
        for (int i = 0; i < ports.size(); i++) {
            ServerPort p = ports.get(i);
            jdbc.update("INSERT INTO server_ports (server_id, port_id, network_id, network_name, mac_address, fixed_ips,"
                    + " position, preserve_on_delete) VALUES (:id, :port, :net, :netName, :mac, :ips, :pos, :preserve)",
                    new MapSqlParameterSource("id", serverId).addValue("port", p.portId()).addValue("net", p.networkId())
                            .addValue("netName", p.networkName()).addValue("mac", p.macAddress())
                            .addValue("ips", JSON.writeValueAsString(p.fixedIps())).addValue("pos", i)
                            .addValue("preserve", p.preserveOnDelete()));
        }
    }

    /** Replaces a server's metadata (call with the server's compare-and-set in the same transaction). */
    public void replaceMetadata(String serverId, Map<String, String> metadata) {
        jdbc.update("DELETE FROM server_metadata WHERE server_id = :id", Map.of("id", serverId));
        metadata.forEach((k, v) -> jdbc.update("INSERT INTO server_metadata (server_id, meta_key, meta_value)"
                + " VALUES (:id, :k, :v)", new MapSqlParameterSource("id", serverId).addValue("k", k).addValue("v", v)));
    }

    public Optional<Server> find(String id) {
        List<Server> found = load("SELECT * FROM servers WHERE id = :id AND deleted = FALSE", Map.of("id", id));
        return found.stream().findFirst();
    }

    /** A project's (or, with null, every project's) servers, newest first. */
    public List<Server> list(String projectId) {
        return projectId == null
                ? load("SELECT * FROM servers WHERE deleted = FALSE ORDER BY created_at DESC, id", Map.of())
                : load("SELECT * FROM servers WHERE project_id = :p AND deleted = FALSE ORDER BY created_at DESC, id",
                        Map.of("p", projectId));
    }

    /** What the project's servers hold (every server not deleted counts, whatever its state, as in Nova). */
    public ComputeUsage usage(String projectId) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(vcpus), 0), COALESCE(SUM(memory_mb), 0)"
                + " FROM servers WHERE project_id = :p AND deleted = FALSE", Map.of("p", projectId),
                (rs, n) -> new ComputeUsage(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /**
     * Servers changed at or after {@code since}, deleted ones included (Nova's {@code changes-since}), of a
     * project or, with null, of every project.
     */
    public List<Server> changedSince(String projectId, Instant since) {
        return projectId == null
                ? load("SELECT * FROM servers WHERE updated_at >= :since ORDER BY created_at DESC, id",
                        Map.of("since", ts(since)))
                : load("SELECT * FROM servers WHERE project_id = :p AND updated_at >= :since"
                        + " ORDER BY created_at DESC, id", Map.of("p", projectId, "since", ts(since)));
    }

    /**
     * Servers that ran at some time in [start, end): launched before the end and not terminated before the
     * start, deleted ones included (usage reports). A project's, or with null every project's.
     */
    public List<Server> ranBetween(String projectId, Instant start, Instant end) {
        String ran = "launched_at IS NOT NULL AND launched_at < :end AND (terminated_at IS NULL"
                + " OR terminated_at > :start)";
        return projectId == null
                ? load("SELECT * FROM servers WHERE " + ran + " ORDER BY launched_at, id",
                        Map.of("start", ts(start), "end", ts(end)))
                : load("SELECT * FROM servers WHERE project_id = :p AND " + ran + " ORDER BY launched_at, id",
                        Map.of("p", projectId, "start", ts(start), "end", ts(end)));
    }

    /** A build placed on a host (the host has it, or is about to). */
    /** A server on a host, as os-hypervisors lists it. */
    public record HostedServer(String id, String host) {
    }

    /** The servers placed on these hosts (not deleted), oldest first. */
    public List<HostedServer> onHosts(java.util.Collection<String> hosts) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT id, host FROM servers WHERE host IN (:hosts) AND deleted = FALSE"
                + " ORDER BY created_at, id", Map.of("hosts", hosts),
                (rs, i) -> new HostedServer(rs.getString("id"), rs.getString("host")));
    }

    /** Servers on a host whose delete was sent before {@code before} and is still unanswered. */
    public List<Server> unansweredDeletes(Instant before) {
        return load("SELECT * FROM servers WHERE task_state = 'deleting' AND deleted = FALSE AND host IS NOT NULL"
                + " AND updated_at < :before ORDER BY updated_at, id", Map.of("before", ts(before)));
    }

    public record PlacedBuild(String id, String host, int attempt) {
    }

    public List<PlacedBuild> placedBuilds() {
        return jdbc.query("SELECT id, host, build_attempt FROM servers WHERE vm_state = 'building'"
                + " AND deleted = FALSE AND host IS NOT NULL", Map.of(),
                (rs, n) -> new PlacedBuild(rs.getString(1), rs.getString(2), rs.getInt(3)));
    }

    /** Builds that outlived their deadline. */
    public List<Server> overdueBuilds(Instant now) {
        return load("SELECT * FROM servers WHERE vm_state = 'building' AND deleted = FALSE AND build_deadline < :now",
                Map.of("now", ts(now)));
    }

    private List<Server> load(String sql, Map<String, ?> params) {
        List<Server> rows = jdbc.query(sql, params, ServerRecords::row);
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(Server::id).toList();
        Map<String, Map<String, String>> metadata = new HashMap<>();
        jdbc.query("SELECT * FROM server_metadata WHERE server_id IN (:ids)", Map.of("ids", ids), rs -> {
            metadata.computeIfAbsent(rs.getString("server_id"), k -> new TreeMap<>())
                    .put(rs.getString("meta_key"), rs.getString("meta_value"));
        });
        Map<String, List<ServerPort>> ports = new HashMap<>();
        jdbc.query("SELECT * FROM server_ports WHERE server_id IN (:ids) ORDER BY position", Map.of("ids", ids), rs -> {
            ports.computeIfAbsent(rs.getString("server_id"), k -> new ArrayList<>()).add(new ServerPort(
                    rs.getString("port_id"), rs.getString("network_id"), rs.getString("network_name"),
                    rs.getString("mac_address"), JSON.readValue(rs.getString("fixed_ips"),
                            new TypeReference<List<ServerPort.FixedIp>>() { }), rs.getBoolean("preserve_on_delete")));
        });
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.query("SELECT * FROM server_security_groups WHERE server_id IN (:ids) ORDER BY name", Map.of("ids", ids),
                rs -> {
                    groups.computeIfAbsent(rs.getString("server_id"), k -> new ArrayList<>()).add(rs.getString("name"));
                });
        return rows.stream().map(s -> new Server(s.id(), s.projectId(), s.userId(), s.name(), s.hostname(), s.flavor(),
                s.imageId(), s.hypervisorType(), s.keyName(), s.keyData(), s.userData(), s.configDrive(),
                s.availabilityZone(), s.launchIndex(), s.reservationId(), s.vmState(), s.taskState(), s.powerState(),
                s.host(), s.providerUuid(), s.buildAttempt(), s.buildDeadline(), s.requestId(), s.fault(), s.createdAt(),
                s.updatedAt(), s.launchedAt(), s.terminatedAt(), s.version(), metadata.get(s.id()), ports.get(s.id()),
                groups.get(s.id()), s.requestedZone())).toList();
    }

    private static MapSqlParameterSource params(Server s) {
        return new MapSqlParameterSource("id", s.id()).addValue("name", s.name()).addValue("vm", s.vmState().wire())
                .addValue("task", s.taskState() == null ? null : s.taskState().wire()).addValue("power", s.powerState())
                .addValue("host", s.host()).addValue("provider", s.providerUuid()).addValue("attempt", s.buildAttempt())
                .addValue("deadline", ts(s.buildDeadline())).addValue("requestId", s.requestId())
                .addValue("updated", ts(s.updatedAt()));
    }

    private static Server row(ResultSet rs, int n) throws SQLException {
        Integer faultCode = (Integer) rs.getObject("fault_code", Integer.class);
        Fault fault = faultCode == null ? null : new Fault(faultCode, rs.getString("fault_message"),
                rs.getString("fault_details"), instant(rs, "fault_created"));
        return new Server(rs.getString("id"), rs.getString("project_id"), rs.getString("user_id"), rs.getString("name"),
                rs.getString("hostname"), JSON.readValue(rs.getString("flavor"), Flavor.class), rs.getString("image_id"),
                rs.getString("hypervisor_type"), rs.getString("key_name"), rs.getString("key_data"),
                rs.getString("user_data"), rs.getBoolean("config_drive"), rs.getString("availability_zone"),
                rs.getInt("launch_index"), rs.getString("reservation_id"), VmState.ofWire(rs.getString("vm_state")),
                TaskState.ofWire(rs.getString("task_state")), rs.getInt("power_state"), rs.getString("host"),
                rs.getString("provider_uuid"), rs.getInt("build_attempt"), instant(rs, "build_deadline"),
                rs.getString("request_id"), fault, instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "launched_at"), instant(rs, "terminated_at"), rs.getLong("version"), null, null, null,
                rs.getString("requested_zone"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
