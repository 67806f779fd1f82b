package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.PublicUrls;
import io.kumo.compute.application.ConsoleOutputs;
import io.kumo.compute.application.SchedulerHints;
import io.kumo.compute.application.ServerActions;
import io.kumo.compute.application.ServerCreation;
import io.kumo.compute.application.ServerLocking;
import io.kumo.compute.application.ServerQueries;
import io.kumo.compute.application.ServerRebuilds;
import io.kumo.compute.application.ServerRequest;
import io.kumo.compute.application.ServerUpdates;
import io.kumo.compute.application.VolumeAttachments;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerAction;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** Nova's {@code /servers} at 2.1: create, list, detail, show, update, delete and the server actions. */
@RestController
class ServerController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ServerCreation creation;
    private final ServerQueries queries;
    private final ServerActions actions;
    private final ServerUpdates updates;
    private final ServerLocking locking;
    private final ServerRebuilds rebuilds;
    private final ConsoleOutputs consoles;
    private final PublicUrls urls;
    private final VolumeAttachments attachments;

    ServerController(ServerCreation creation, ServerQueries queries, ServerActions actions, ServerUpdates updates,
            ServerLocking locking, ServerRebuilds rebuilds, ConsoleOutputs consoles, PublicUrls urls,
            VolumeAttachments attachments) {
        this.creation = creation;
        this.queries = queries;
        this.actions = actions;
        this.updates = updates;
        this.locking = locking;
        this.rebuilds = rebuilds;
        this.consoles = consoles;
        this.urls = urls;
        this.attachments = attachments;
    }

    @PostMapping("/v2.1/servers")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        Server server = creation.create(caller, ServerBody.parse(NovaJson.resource(body, "server"),
                body.get("os:scheduler_hints")));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", server.id());
        v.put("links", NovaLinks.of(urls.base(request), "servers", server.id()));
        v.put("OS-DCF:diskConfig", "MANUAL");
        v.put("security_groups", server.securityGroups().stream().map(g -> Map.of("name", g)).toList());
        v.put("adminPass", password());
        return Map.of("server", v);
    }

    @GetMapping("/v2.1/servers")
    Map<String, Object> list(Caller caller, HttpServletRequest request, @RequestParam Map<String, String> params) {
        return Map.of("servers", queries.list(caller, filter(params)).stream().map(s -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", s.id());
            v.put("name", s.name());
            v.put("links", NovaLinks.of(urls.base(request), "servers", s.id()));
            return v;
        }).toList());
    }

    @GetMapping("/v2.1/servers/detail")
    Map<String, Object> detail(Caller caller, HttpServletRequest request, @RequestParam Map<String, String> params) {
        boolean admin = Policy.isAdmin(caller);
        List<Server> servers = queries.list(caller, filter(params));
        Map<String, List<String>> volumes = attachments.volumeIdsOf(servers.stream().map(Server::id).toList());
        return Map.of("servers", servers.stream().map(s -> ServerViews.detail(s, urls.base(request), admin,
                volumes.getOrDefault(s.id(), List.of()))).toList());
    }

    @GetMapping("/v2.1/servers/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id, HttpServletRequest request) {
        Server server = queries.get(caller, id);
        return Map.of("server", ServerViews.detail(server, urls.base(request), Policy.isAdmin(caller),
                attachments.volumeIdsOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** {"server": {"name": …}}: the only attribute Kumo's servers let change at 2.1. */
    @PutMapping("/v2.1/servers/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body,
            HttpServletRequest request) {
        JsonNode changes = NovaJson.resource(body, "server");
        for (String field : changes.propertyNames()) {
            if (!field.equals("name")) {
                throw ApiException.badRequest("Invalid input for field/attribute server. Additional properties are"
                        + " not allowed ('" + field + "' was unexpected)");
            }
        }
        Server server = changes.has("name") ? updates.rename(caller, id, NovaJson.text(changes, "name"))
                : queries.get(caller, id);
        return Map.of("server", ServerViews.basic(server, urls.base(request)));
    }

    @DeleteMapping("/v2.1/servers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        actions.act(caller, id, ServerAction.DELETE);
    }

    /**
     * {"os-start": null}, {"os-stop": null}, {"reboot": {"type": "SOFT"|"HARD"}}, {"lock": null},
     * {"unlock": null} (202, no body); {"rebuild": {...}} (202 with the server); {"os-getConsoleOutput":
     * {"length": n}} (200 with the output).
     */
    @PostMapping("/v2.1/servers/{id}/action")
    ResponseEntity<Object> action(Caller caller, @PathVariable String id, @RequestBody JsonNode body,
            HttpServletRequest request) {
        if (body == null || !body.isObject() || body.size() != 1) {
            throw ApiException.badRequest("Malformed request body: one action is expected.");
        }
        String name = body.propertyNames().iterator().next();
        switch (name) {
            case "os-start" -> actions.act(caller, id, ServerAction.START);
            case "os-stop" -> actions.act(caller, id, ServerAction.STOP);
            case "reboot" -> actions.act(caller, id, reboot(body.get("reboot")));
            case "lock" -> locking.lock(caller, id);
            case "unlock" -> locking.unlock(caller, id);
            case "rebuild" -> {
                return ResponseEntity.accepted().body(rebuild(caller, id, body.get("rebuild"), request));
            }
            case "os-getConsoleOutput" -> {
                return ResponseEntity.ok(Map.of("output", consoles.output(caller, id,
                        consoleLength(body.get("os-getConsoleOutput")))));
            }
            default -> throw ApiException.badRequest("There is no such action: " + name);
        }
        return ResponseEntity.accepted().build();
    }

    /** Nova's rebuild answer: the server as PUT shows it, with the admin password given or generated. */
    private Map<String, Object> rebuild(Caller caller, String id, JsonNode body, HttpServletRequest request) {
        RebuildBody parsed = RebuildBody.parse(body);
        Server server = rebuilds.rebuild(caller, id, parsed.request());
        Map<String, Object> view = ServerViews.basic(server, urls.base(request));
        view.put("adminPass", parsed.adminPass() == null ? password() : parsed.adminPass());
        return Map.of("server", view);
    }

    /** {"length": n} with n an integer (or a string of one) of at least -1; null or absent for all lines. */
    private static Integer consoleLength(JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw NovaJson.invalid("os-getConsoleOutput", body, body + " is not of type 'object'");
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("length")) {
                throw ApiException.badRequest("Invalid input for field/attribute os-getConsoleOutput. Additional"
                        + " properties are not allowed ('" + field + "' was unexpected)");
            }
        }
        Integer length = NovaJson.integer(body, "length");
        if (length != null && length < -1) {
            throw NovaJson.invalid("length", body.get("length"), length + " is less than the minimum of -1");
        }
        return length;
    }

    private static ServerAction reboot(JsonNode reboot) {
        String type = reboot == null || !reboot.isObject() ? null : NovaJson.text(reboot, "type");
        if ("SOFT".equalsIgnoreCase(type)) {
            return ServerAction.REBOOT_SOFT;
        }
        if ("HARD".equalsIgnoreCase(type)) {
            return ServerAction.REBOOT_HARD;
        }
        throw ApiException.badRequest("Invalid input for field/attribute type. Value: " + type
                + ". 'type' must be one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
    }

    private static ServerQueries.Filter filter(Map<String, String> params) {
        String allTenants = params.get("all_tenants");
        boolean all = allTenants != null && !allTenants.equalsIgnoreCase("false") && !allTenants.equals("0");
        return new ServerQueries.Filter(params.get("name"), params.get("status"), params.get("image"),
                params.get("flavor"), all, changesSince(params.get("changes-since")));
    }

    /** An ISO 8601 time, with or without a zone (UTC then), as Nova accepts it. */
    private static Instant changesSince(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Invalid input for query parameters changes-since. Value: " + value
                        + ". '" + value + "' is not a 'date-time'");
            }
        }
    }

    private static String password() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            p.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return p.toString();
    }

    /** Reading the create body into a request, with Nova's schema messages. */
    static final class ServerBody {

        private ServerBody() {
        }

        /** @param hints {@code os:scheduler_hints} (beside "server"); {@code group} is used, others ignored as Nova does */
        static ServerRequest parse(JsonNode s, JsonNode hints) {
            List<ServerRequest.RequestedNetwork> networks = new ArrayList<>();
            JsonNode nets = s.get("networks");
            if (nets != null && nets.isArray()) {
                for (JsonNode n : nets) {
                    String uuid = NovaJson.text(n, "uuid");
                    String port = NovaJson.text(n, "port");
                    if (uuid == null && port == null) {
                        throw ApiException.badRequest("Invalid input for field/attribute networks: each entry needs"
                                + " 'uuid' or 'port'.");
                    }
                    networks.add(new ServerRequest.RequestedNetwork(uuid, NovaJson.text(n, "fixed_ip"), port));
                }
            } else if (nets != null && !nets.isNull() && !(nets.isString() && nets.asString().equals("auto"))) {
                throw NovaJson.invalid("networks", nets, nets + " is not of type 'array'");
            }
            Map<String, String> metadata = NovaJson.metadata(s, "metadata");
            List<String> groups = new ArrayList<>();
            JsonNode sg = s.get("security_groups");
            if (sg != null && sg.isArray()) {
                sg.forEach(g -> groups.add(NovaJson.text(g, "name")));
            }
            Boolean configDrive = NovaJson.bool(s, "config_drive");
            Integer min = NovaJson.integer(s, "min_count");
            Integer max = NovaJson.integer(s, "max_count");
            int minCount = min == null ? 1 : min;
            int maxCount = max == null ? minCount : max;
            return new ServerRequest(NovaJson.text(s, "name"), NovaJson.textOrNumber(s, "flavorRef"),
                    imageRef(s), networks, NovaJson.text(s, "key_name"), NovaJson.text(s, "user_data"),
                    configDrive != null && configDrive, metadata == null ? Map.of() : metadata, groups, NovaJson.text(s, "availability_zone"),
                    minCount, maxCount, hints(hints));
        }

        private static SchedulerHints hints(JsonNode hints) {
            if (hints == null || hints.isNull()) {
                return SchedulerHints.NONE;
            }
            if (!hints.isObject()) {
                throw NovaJson.invalid("os:scheduler_hints", hints, hints + " is not of type 'object'");
            }
            JsonNode group = hints.get("group");
            if (group != null && !group.isNull() && !group.isString()) {
                throw NovaJson.invalid("group", group, group + " is not of type 'string'");
            }
            return new SchedulerHints(group == null || group.isNull() ? null : group.asString(),
                    serverIds(hints, "same_host"), serverIds(hints, "different_host"));
        }

        /** A server uuid or a list of them. */
        private static List<String> serverIds(JsonNode hints, String name) {
            JsonNode value = hints.get(name);
            List<String> ids = new ArrayList<>();
            if (value == null || value.isNull()) {
                return ids;
            }
            if (value.isString()) {
                ids.add(value.asString());
            } else if (value.isArray()) {
                value.forEach(v -> ids.add(v.isString() ? v.asString() : v.toString()));
            }
            for (String id : ids) {
                if (!id.matches("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")) {
                    throw NovaJson.invalid(name, value, "'" + id + "' is not a 'uuid'");
                }
            }
            if (!value.isString() && !value.isArray()) {
                throw NovaJson.invalid(name, value, value + " is not of type 'string', 'array'");
            }
            return ids;
        }

        /** imageRef, or the image of a block_device_mapping_v2 image→local boot disk (boot_index 0). */
        private static String imageRef(JsonNode s) {
            String image = NovaJson.text(s, "imageRef");
            JsonNode bdms = s.get("block_device_mapping_v2");
            if ((image == null || image.isEmpty()) && bdms != null && bdms.isArray()) {
                for (JsonNode bdm : bdms) {
                    if ("image".equals(bdm.path("source_type").asString(""))
                            && "local".equals(bdm.path("destination_type").asString("local"))
                            && "0".equals(bdm.path("boot_index").asString(""))) {
                        return bdm.path("uuid").asString(null);
                    }
                }
            }
            return image;
        }
    }
}
