package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.ResourceClassCatalog;
import io.kumo.scheduler.domain.PlacementException;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** /resource_classes. */
@RestController
class ResourceClassController {

    private final ResourceClassCatalog classes;

    ResourceClassController(ResourceClassCatalog classes) {
        this.classes = classes;
    }

    @GetMapping("/resource_classes")
    Map<String, Object> list(Caller caller) {
        PlacementApi.authorize(caller, "resource_classes:list");
        List<Object> views = classes.list().stream().map(name -> (Object) view(name)).toList();
        return Map.of("resource_classes", views);
    }

    @GetMapping("/resource_classes/{name}")
    Map<String, Object> show(Caller caller, @PathVariable String name) {
        PlacementApi.authorize(caller, "resource_classes:show");
        if (!classes.exists(name)) {
            throw PlacementException.notFound("No such resource class " + name + ".");
        }
        return view(name);
    }

    @PostMapping("/resource_classes")
    ResponseEntity<Void> create(Caller caller, @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_classes:create");
        String name = PlacementApi.string(PlacementApi.object(body), "name", true);
        if (classes.exists(name) || !classes.create(name)) {
            throw PlacementException.conflict(PlacementException.UNDEFINED, "Conflicting resource class already"
                    + " exists: " + name);
        }
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/resource_classes/" + name).build();
    }

    @PutMapping("/resource_classes/{name}")
    ResponseEntity<Void> put(Caller caller, @PathVariable String name) {
        PlacementApi.authorize(caller, "resource_classes:update");
        return PlacementApi.createdOrFound(classes.create(name), "/resource_classes/" + name);
    }

    @DeleteMapping("/resource_classes/{name}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String name) {
        PlacementApi.authorize(caller, "resource_classes:delete");
        classes.delete(name);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(String name) {
        return PlacementApi.map("name", name, "links", List.of(PlacementApi.link("self", "/resource_classes/" + name)));
    }
}
