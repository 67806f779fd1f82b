package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.compute.application.InstanceActions;
import io.kumo.compute.domain.InstanceAction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code os-instance-actions} at 2.1: everyone sees who did what to their servers; the steps (events)
 * with their tracebacks are for admins only, as Nova's default policy has it.
 */
@RestController
class InstanceActionController {

    private final InstanceActions actions;

    InstanceActionController(InstanceActions actions) {
        this.actions = actions;
    }

    @GetMapping("/v2.1/servers/{serverId}/os-instance-actions")
    Map<String, Object> list(Caller caller, @PathVariable String serverId) {
        return Map.of("instanceActions", actions.list(caller, serverId).stream().map(InstanceActionController::view)
                .toList());
    }

    @GetMapping("/v2.1/servers/{serverId}/os-instance-actions/{requestId}")
    Map<String, Object> show(Caller caller, @PathVariable String serverId, @PathVariable String requestId) {
        InstanceAction action = actions.get(caller, serverId, requestId);
        Map<String, Object> v = view(action);
        if (Policy.isAdmin(caller)) {
            v.put("events", action.events().stream().map(e -> {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("event", e.name());
                event.put("start_time", NovaJson.micros(e.startTime()));
                event.put("finish_time", NovaJson.micros(e.finishTime()));
                event.put("result", e.result());
                event.put("traceback", e.traceback());
                return event;
            }).toList());
        }
        return Map.of("instanceAction", v);
    }

    private static Map<String, Object> view(InstanceAction a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("action", a.action());
        v.put("instance_uuid", a.serverId());
        v.put("message", a.message());
        v.put("project_id", a.projectId());
        v.put("request_id", a.requestId());
        v.put("start_time", NovaJson.micros(a.startTime()));
        v.put("user_id", a.userId());
        return v;
    }
}
