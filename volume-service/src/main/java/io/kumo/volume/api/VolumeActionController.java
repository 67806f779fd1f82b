package io.kumo.volume.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.volume.application.VolumeActions;
import java.util.Iterator;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code POST /v3/{project_id}/volumes/{id}/action}: one action per body, Cinder 3.0's names. The attach
 * bookkeeping actions are what compute-service calls when it attaches a volume to a server; users and
 * Tempest may call them too.
 */
@RestController
class VolumeActionController {

    private static final JsonNode NO_ARGUMENTS = JsonNodeFactory.instance.objectNode();

    private final VolumeActions actions;

    VolumeActionController(VolumeActions actions) {
        this.actions = actions;
    }

    @PostMapping("/v3/{projectId}/volumes/{id}/action")
    ResponseEntity<?> act(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 1) {
            throw ApiException.badRequest("Invalid input received: the body of a volume action is one action.");
        }
        Iterator<Map.Entry<String, JsonNode>> only = body.properties().iterator();
        Map.Entry<String, JsonNode> action = only.next();
        JsonNode args = action.getValue() == null || action.getValue().isNull() ? NO_ARGUMENTS : action.getValue();
        if (!args.isObject()) {
            throw ApiException.badRequest("Invalid input received: the arguments of " + action.getKey() + " must be"
                    + " an object.");
        }
        switch (action.getKey()) {
            case "os-extend" -> {
                Integer size = CinderBodies.size(args, "new_size");
                if (size == null) {
                    throw ApiException.badRequest("Invalid input for field/attribute new_size: 'new_size' is a"
                            + " required property.");
                }
                actions.extend(caller, id, size);
            }
            case "os-set_bootable" -> {
                actions.setBootable(caller, id, CinderBodies.bool(args, "bootable", false));
                return ResponseEntity.ok().build();
            }
            case "os-reserve" -> actions.reserve(caller, id);
            case "os-unreserve" -> actions.unreserve(caller, id);
            case "os-begin_detaching" -> actions.beginDetaching(caller, id);
            case "os-roll_detaching" -> actions.rollDetaching(caller, id);
            case "os-attach" -> actions.attach(caller, id, VolumeController.uuid(CinderBodies.string(args,
                    "instance_uuid"), "instance_uuid"), CinderBodies.string(args, "host_name"),
                    CinderBodies.string(args, "mountpoint"), CinderBodies.string(args, "mode"));
            case "os-detach" -> actions.detach(caller, id, CinderBodies.string(args, "attachment_id"));
            case "os-initialize_connection" -> {
                JsonNode connector = args.get("connector");
                if (connector == null || !connector.isObject()) {
                    throw ApiException.badRequest("Invalid input received: os-initialize_connection needs a"
                            + " connector object.");
                }
                return ResponseEntity.ok(Map.of("connection_info", actions.initializeConnection(caller, id)));
            }
            case "os-terminate_connection" -> actions.terminateConnection(caller, id);
            case "os-force_delete" -> actions.forceDelete(caller, id);
            case "os-reset_status" -> {
                String status = CinderBodies.string(args, "status");
                if (status == null) {
                    throw ApiException.badRequest("Invalid input for field/attribute status: 'status' is a required"
                            + " property.");
                }
                actions.resetStatus(caller, id, status);
            }
            default -> throw ApiException.badRequest("There is no such action: " + action.getKey() + ". Verify the"
                    + " request body and Content-Type header and try again.");
        }
        return ResponseEntity.accepted().build();
    }
}
