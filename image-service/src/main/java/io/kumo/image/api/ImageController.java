package io.kumo.image.api;

import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.PublicUrls;
import io.kumo.image.application.ImageService;
import io.kumo.image.application.Viewers;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.ImageQuery;
import io.kumo.image.domain.ImageSnapshot;
import io.kumo.image.domain.NewImage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Glance v2 image records: create, list, show, JSON-patch, delete, tags, (de)activation. */
@RestController
class ImageController {

    private final ImageService images;
    private final PublicUrls urls;
    private final JsonMapper json;

    ImageController(ImageService images, PublicUrls urls, JsonMapper json) {
        this.images = images;
        this.urls = urls;
        this.json = json;
    }

    @PostMapping("/v2/images")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Body expected in request: a JSON object describing the image.");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        body.properties().forEach(e -> fields.put(e.getKey(), JsonPatchRequest.value(e.getValue())));
        ImageSnapshot created = images.create(Viewers.of(caller), NewImage.parse(fields));
        AuditTarget.set(request, "image", created.id());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, urls.base(request) + "/v2/images/" + created.id())
                .body(ImageView.image(created));
    }

    @GetMapping("/v2/images")
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        ImageAccess.Viewer viewer = Viewers.of(caller);
        ImageQuery query = ImageListRequest.parse(params, viewer);
        int limit = ImageListRequest.limit(params);
        ImageService.Page page = images.list(query, ImageListRequest.one(params, "marker"), limit);
        List<Map<String, Object>> shown = page.images().stream().map(ImageView::image).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("images", shown);
        body.put("first", link(params, null));
        body.put("schema", "/v2/schemas/images");
        if (page.more() && !shown.isEmpty()) {
            body.put("next", link(params, page.images().get(page.images().size() - 1).id()));
        }
        return body;
    }

    @GetMapping("/v2/images/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id) {
        return ImageView.image(images.get(Viewers.of(caller), id));
    }

    /** Read as bytes: the patch media types are JSON, but no +json suffix tells the converters so. */
    @PatchMapping(path = "/v2/images/{id}", consumes = {JsonPatchRequest.V2_1, JsonPatchRequest.V2_0})
    Map<String, Object> patch(Caller caller, @PathVariable String id, @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean draft04 = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.valueOf(JsonPatchRequest.V2_0));
        return ImageView.image(images.patch(Viewers.of(caller), id, JsonPatchRequest.parse(json.readTree(body), draft04)));
    }

    /** Any other content type: 415, saying which patch types are understood. */
    @PatchMapping("/v2/images/{id}")
    ResponseEntity<Map<String, Object>> patchWithWrongType(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        throw new UnsupportedPatchType(contentType);
    }

    @DeleteMapping("/v2/images/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        images.delete(Viewers.of(caller), id);
    }

    @PutMapping("/v2/images/{id}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addTag(Caller caller, @PathVariable String id, @PathVariable String tag) {
        images.addTag(Viewers.of(caller), id, tag);
    }

    @DeleteMapping("/v2/images/{id}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeTag(Caller caller, @PathVariable String id, @PathVariable String tag) {
        images.removeTag(Viewers.of(caller), id, tag);
    }

    @PostMapping("/v2/images/{id}/actions/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(Caller caller, @PathVariable String id, @RequestBody(required = false) String body) {
        requireNoBody(body);
        images.deactivate(Viewers.of(caller), id);
    }

    @PostMapping("/v2/images/{id}/actions/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reactivate(Caller caller, @PathVariable String id, @RequestBody(required = false) String body) {
        requireNoBody(body);
        images.reactivate(Viewers.of(caller), id);
    }

    private static void requireNoBody(String body) {
        if (body != null && !body.isBlank()) {
            throw ApiException.badRequest("A body is not expected with this request.");
        }
    }

    /** The list URL with the request's own query, and the marker of the next page if any. */
    private static String link(Map<String, String[]> params, String marker) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/v2/images");
        params.forEach((key, values) -> {
            if (!key.equals("marker")) {
                uri.queryParam(key, (Object[]) values);
            }
        });
        if (marker != null) {
            uri.queryParam("marker", marker);
        }
        return uri.encode().build().toUriString();
    }
}
